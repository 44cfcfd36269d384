// Login flood benchmark (issue #14): logged-in page loads, p50/p95, on a quiet server and while 20 clients keep
// sending wrong logins (unknown emails, the worst case: each would cost a full scrypt). Runs the production build
// (`npm run build` first) with `next start` on a fresh SQLite data folder, over real HTTP.
//   tsx bench/front-door.ts [--port 3222] [--samples 40] [--flooders 20]
// The per-address limit is raised (every request comes from 127.0.0.1): what is measured is the hashing bound.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { randomBytes } from "node:crypto";
import { loadAverage, stopProcess } from "./lib/processes";

const { values } = parseArgs({
  options: { port: { type: "string" }, samples: { type: "string" }, flooders: { type: "string" } },
});
const PORT = Number(values.port ?? 3222);
const SAMPLES = Number(values.samples ?? 40);
const FLOODERS = Number(values.flooders ?? 20);
const BASE = `http://127.0.0.1:${PORT}`;
const EMAIL = "bench-front-door@example.test";
const PASSWORD = "password-del-banco-prova";

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

async function credentials(email: string, password: string, jar: string[] = []) {
  const csrf = await fetch(`${BASE}/api/auth/csrf`, { headers: { cookie: jar.join("; ") } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = [...jar, ...cookiesOf(csrf)];
  const answer = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }),
  });
  return [...cookies, ...cookiesOf(answer)];
}

async function pageLoad(cookie: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(`${BASE}/fatture`, { headers: { cookie }, redirect: "manual" });
  await response.text();
  if (response.status !== 200) throw new Error(`GET /fatture answered ${response.status}`);
  return performance.now() - start;
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), "parcella-bench-door-"));
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    NODE_ENV: "production" as const,
    LOGIN_LIMIT_PER_ADDRESS: "1000000",
    REGISTRATION_LIMIT_PER_ADDRESS: "1000000",
    WORKER_ENABLED: "false",
  };
  process.env.DATA_DIR = dataDir;
  process.env.DATABASE_URL = "";
  const { migrate } = await import("../scripts/db.mjs");
  const { sqliteUrl } = await import("../lib/db-url.mjs");
  const { createDb } = await import("../lib/db");
  const { registerPractitioner } = await import("../lib/services/accounts/register-practitioner");
  const url = sqliteUrl();
  migrate(url);
  const db = createDb(url);
  await registerPractitioner({
    db,
    input: { name: "Dott. Banco", email: EMAIL, password: PASSWORD, passwordConfirm: PASSWORD },
  });
  await db.$disconnect();

  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT)], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    for (let i = 0; ; i++) {
      if (i > 600) throw new Error("the server did not start");
      const ok = await fetch(`${BASE}/login`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const cookie = (await credentials(EMAIL, PASSWORD)).join("; ");
    for (let i = 0; i < 5; i++) await pageLoad(cookie); // warm-up

    const quiet: number[] = [];
    for (let i = 0; i < SAMPLES; i++) quiet.push(await pageLoad(cookie));

    let flooding = true;
    let attempts = 0;
    const flood = Array.from({ length: FLOODERS }, async () => {
      while (flooding) {
        await credentials(`intruso-${randomBytes(6).toString("hex")}@example.test`, "sbagliata-sempre").catch(() => []);
        attempts++;
      }
    });
    const started = performance.now();
    const during: number[] = [];
    for (let i = 0; i < SAMPLES; i++) during.push(await pageLoad(cookie));
    const seconds = (performance.now() - started) / 1000;
    flooding = false;
    await Promise.all(flood);

    const row = (name: string, v: number[]) =>
      `| ${name} | ${v.length} | ${percentile(v, 50).toFixed(0)} ms | ${percentile(v, 95).toFixed(0)} ms |`;
    console.log(`load average at the end: ${loadAverage()}`);
    console.log(`flood: ${FLOODERS} concurrent clients, ${attempts} wrong logins in ${seconds.toFixed(1)} s`);
    console.log("| GET /fatture (logged in) | samples | p50 | p95 |\n|---|---|---|---|");
    console.log(row("quiet", quiet));
    console.log(row(`during the flood (${FLOODERS} clients)`, during));
    const slowest = (v: number[]) =>
      [...v]
        .sort((a, b) => b - a)
        .slice(0, 5)
        .map((x) => x.toFixed(0))
        .join(", ");
    console.log(`slowest quiet: ${slowest(quiet)} ms; slowest during the flood: ${slowest(during)} ms`);
    console.log(`p95 ratio flood/quiet: ${(percentile(during, 95) / percentile(quiet, 95)).toFixed(2)}`);
  } finally {
    await stopProcess(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
