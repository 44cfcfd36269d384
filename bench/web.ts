// Benchmark 5: the web under concurrent use (issue #24). The production build (`next build`, made only when missing
// or older than the sources) is started the way `npm start` starts it (`next start`, the worker off) on a database
// holding one practitioner with a realistic history — 5,000 issued invoices over 2022–2026, 300 patients, and real
// STS submissions made by the worker's own code against the simulator — and a bounded load generator
// (bench/lib/load.ts) requests the main pages, logged in, at each concurrency, each beside the cheapest
// authenticated response of the same server (GET /login while logged in: a redirect) measured in the same run.
// Reported per page: req/s, p50/p95/p99, the web process's CPU per request (/proc, SQLite included), HTML and RSC bytes.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { createDb, type Db } from "../lib/db";
import { pollDueSubmissions } from "../lib/services/sts/poll-due-submissions";
import { runAutomaticSending } from "../lib/services/sts/run-automatic-sending";
import { migrate } from "../scripts/db.mjs";
import type { DatabaseFactory, Provider } from "./lib/databases";
import { request, runPhase, type LoadPhase, type LoadTarget } from "./lib/load";
import { loadAverage, simulatorAdmin, stopProcess, type Simulator } from "./lib/processes";
import { fmt } from "./lib/stats";
import { historyPlan, seedBulk } from "./seed-bulk";

const ROOT = join(__dirname, "..");
const NEXT_BIN = join(ROOT, "node_modules", "next", "dist", "bin", "next");
// What the production build is made from (as scripts/start.ts decides when to rebuild).
const BUILD_INPUTS = ["app", "components", "lib", "public", "next.config.ts", "package-lock.json", "tsconfig.json"];
const PASSWORD = "password-sicura-1"; // what seedBulk's fixed hash stands for

export type WebSizes = {
  url: string;
  htmlBytes: number;
  htmlGzipBytes: number;
  rscBytes: number;
  rscGzipBytes: number;
};
/** With --count-statements: what the server ran in SQLite per request during a phase (bench/lib/count-statements.mjs). */
export type StatementCount = {
  target: string;
  concurrency: number;
  perRequest: number;
  sqliteMsPerRequest: number;
  top: { sql: string; perRequest: number; msPerRequest: number }[];
};
export type WebResult = {
  provider: Provider;
  invoices: number;
  patients: number;
  submissions: number;
  seedSeconds: number;
  buildSeconds: number;
  loadBefore: string;
  loadAfter: string;
  phases: LoadPhase[];
  sizes: Record<string, WebSizes>;
  statements: StatementCount[];
};

/** Asks the server for its statement counts since the last ask (SIGUSR2) and waits for the file. */
async function takeStatements(pid: number, file: string) {
  rmSync(file, { force: true });
  process.kill(pid, "SIGUSR2");
  for (let i = 0; i < 100 && !existsSync(file); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  return JSON.parse(readFileSync(file, "utf8")) as { sql: string; n: number; ms: number }[];
}

function newestSource(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (stat.isFile()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    newest = Math.max(newest, newestSource(join(path, entry)));
  }
  return newest;
}

/** Builds the production app when there is no build or a source is newer than it; returns the build's seconds. */
function ensureBuild(log: (line: string) => void): number {
  const buildId = join(ROOT, ".next", "BUILD_ID");
  const sources = Math.max(...BUILD_INPUTS.map((input) => newestSource(join(ROOT, input))));
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= sources) {
    log("  web: reusing the production build in .next");
    return 0;
  }
  log("  web: next build (no build, or sources newer than it)…");
  const t0 = Date.now();
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed");
  return (Date.now() - t0) / 1000;
}

/** The account's history; real submissions for its 2026 invoices still to send, made and polled by the worker's code. */
async function seedAccount(db: Db, options: { invoices: number; patients: number; encryptionKey: Buffer }) {
  const [account] = await seedBulk(db, {
    practitioners: 1,
    patientsPerPractitioner: options.patients,
    invoicesOf: historyPlan(options.invoices, 2022, 5),
    autoSend: true,
    autoSendFrom: "2026-01-01",
    encryptionKey: options.encryptionKey,
    events: true,
    chunk: 400,
  });
  const id = account!.id;
  const sent = await db.invoice.findFirst({
    where: { practitionerId: id, year: 2026, stsState: "to_send" },
    orderBy: [{ issueDate: "desc" }, { number: "desc" }],
    select: { id: true },
  });
  const run = await runAutomaticSending({ db, slot: new Date(), concurrency: 4, practitionerIds: [id] });
  // The worker would poll minutes later, on its schedule: here the outcomes are asked for at once.
  for (let round = 0; round < 200; round++) {
    const waiting = await db.stsSubmission.updateMany({
      where: { practitionerId: id, status: "awaiting_outcome" },
      data: { nextPollAt: new Date(Date.now() - 1000) },
    });
    if (waiting.count === 0) break;
    await pollDueSubmissions({ db, workerId: "bench-web", concurrency: 4 });
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  // A running installation has planner statistics for every table, the transmission ones included.
  await db.$executeRawUnsafe("ANALYZE");
  const completed = await db.stsSubmission.count({ where: { practitionerId: id, status: "completed" } });
  if (run.submissions === 0 || completed !== run.submissions)
    throw new Error(`STS submissions: ${run.submissions} uploaded, ${completed} completed`);
  const email = (await db.practitioner.findUniqueOrThrow({ where: { id }, select: { email: true } })).email;
  return { id, email, patientId: account!.patientIds[0]!, invoiceId: sent!.id, submissions: run.submissions };
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

/** Logs in through the credentials form's endpoint (as bench/front-door.ts does); returns the Cookie header. */
async function login(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = cookiesOf(csrf);
  const answer = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ email, password: PASSWORD, csrfToken, json: "true" }),
  });
  return [...cookies, ...cookiesOf(answer)].join("; ");
}

async function sizesOf(base: string, path: string, cookie: string): Promise<WebSizes> {
  const agent = new http.Agent({ keepAlive: false });
  const url = new URL(path, base);
  try {
    const html = await request(agent, url, { cookie }, true);
    // Next answers an RSC request without its cache-busting `_rsc` parameter with a redirect to the URL with it.
    let rsc = await request(agent, url, { cookie, rsc: "1" }, true);
    if (rsc.status === 307 && rsc.location?.includes("_rsc"))
      rsc = await request(agent, new URL(rsc.location, base), { cookie, rsc: "1" }, true);
    if (html.status !== 200 || rsc.status !== 200)
      throw new Error(`${path}: HTML ${html.status}, RSC ${rsc.status} ${rsc.location ?? ""}`);
    if (!rsc.contentType.startsWith("text/x-component")) throw new Error(`${path}: RSC answered ${rsc.contentType}`);
    return {
      url: path,
      htmlBytes: html.body.length,
      htmlGzipBytes: gzipSync(html.body).length,
      rscBytes: rsc.body.length,
      rscGzipBytes: gzipSync(rsc.body).length,
    };
  } finally {
    agent.destroy();
  }
}

export async function webBenchmark(options: {
  factory: DatabaseFactory;
  provider: Provider;
  sim: Simulator;
  encryptionKey: Buffer;
  port: number;
  /** Timed seconds per page and concurrency. */
  seconds: number;
  concurrencies: number[];
  invoices: number;
  patients: number;
  /** Only these pages (home, list, filtered, detail, patient, log); all by default. */
  pages?: string[];
  /** A folder: write a CPU profile of the server for each timed phase there (`<page>-c<clients>.cpuprofile`). */
  profileDir?: string;
  /** SQLite only: count the statements the server runs per request (adds a little time to each). */
  countStatements?: boolean;
  log: (line: string) => void;
}): Promise<WebResult> {
  const { provider, log, port } = options;
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), "parcella-bench-web-"));
  // SQLite where a default installation keeps it (DATA_DIR/parcella.db); PostgreSQL in a throwaway database.
  const databaseUrl =
    provider === "sqlite"
      ? `file:${join(dataDir, "parcella.db")}`
      : (await options.factory.create(provider, "web")).url;
  const buildSeconds = ensureBuild(log);
  if (provider === "sqlite") migrate(databaseUrl);
  await simulatorAdmin(options.sim, "reset", { method: "POST", body: {} });
  await simulatorAdmin(options.sim, "faults", { method: "DELETE" });
  const t0 = Date.now();
  const db = createDb(databaseUrl, { poolSize: 4 });
  const account = await seedAccount(db, options).finally(() => db.$disconnect());
  const seedSeconds = (Date.now() - t0) / 1000;
  log(
    `  web ${provider}: ${options.invoices} invoices, ${options.patients} patients, ${account.submissions} STS submissions seeded in ${seedSeconds.toFixed(1)} s`,
  );

  // BENCH_WEB_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof-web" profiles the server (written when it stops).
  const nodeArgs = (process.env.BENCH_WEB_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const counting = Boolean(options.countStatements) && provider === "sqlite";
  if (counting && options.profileDir) throw new Error("--count-statements and --profile: one at a time");
  if (counting) nodeArgs.push("--import", join(ROOT, "bench", "lib", "count-statements.mjs"));
  if (options.profileDir) nodeArgs.push("--import", join(ROOT, "bench", "lib", "profile-phases.mjs"));
  const profileFile = join(dataDir, "phase.cpuprofile");
  const statementsFile = join(dataDir, "statements.json");
  if (options.profileDir) mkdirSync(options.profileDir, { recursive: true });
  const args = [...nodeArgs, NEXT_BIN, "start", "--port", String(port), "--hostname", "127.0.0.1"];
  const server = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_TRUST_HOST: "1",
      DATA_DIR: dataDir,
      DATABASE_URL: provider === "sqlite" ? "" : databaseUrl,
      PORT: String(port),
      WORKER_ENABLED: "false",
      LOGIN_LIMIT_PER_ADDRESS: "1000000",
      BENCH_STATEMENTS_FILE: statementsFile,
      BENCH_PROFILE_FILE: profileFile,
    },
  });
  try {
    for (let i = 0; ; i++) {
      if (i > 240 || server.exitCode !== null) throw new Error("the web server did not start");
      if (
        await fetch(`${base}/login`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const cookie = await login(base, account.email);
    const headers = { cookie, "accept-encoding": "gzip" }; // as a browser asks
    const redirect = await request(new http.Agent(), new URL("/login", base), headers);
    if (redirect.status < 300 || redirect.status > 399 || redirect.location?.includes("login"))
      throw new Error(`GET /login while logged in answered ${redirect.status} ${redirect.location}: not logged in`);
    const cheapest: LoadTarget = { name: "cheapest: /login → redirect", path: "/login", status: redirect.status };
    const pages = (
      [
        { key: "home", name: "home", path: "/", status: 200 },
        { key: "list", name: "invoice list, first page", path: "/fatture", status: 200 },
        { key: "filtered", name: "invoice list, 2025 + to send", path: "/fatture?year=2025&sts=to_send", status: 200 },
        { key: "detail", name: "invoice detail", path: `/fatture/${account.invoiceId}`, status: 200 },
        { key: "patient", name: "patient card", path: `/pazienti/${account.patientId}`, status: 200 },
        { key: "log", name: "send log", path: "/invii", status: 200 },
      ] satisfies (LoadTarget & { key: string })[]
    ).filter((page) => !options.pages || options.pages.includes(page.key));
    const sizes: Record<string, WebSizes> = {};
    for (const page of pages) sizes[page.name] = await sizesOf(base, page.path, cookie);
    const loadBefore = loadAverage();
    log(`  web ${provider}: logged in; load average ${loadBefore}`);
    const phases: LoadPhase[] = [];
    const statements: StatementCount[] = [];
    for (const concurrency of options.concurrencies) {
      // The cheapest response first and last at each concurrency: the pages are compared with its mean.
      for (const target of [cheapest, ...pages, cheapest]) {
        const phase = await runPhase({
          base,
          headers,
          target,
          concurrency,
          seconds: options.seconds,
          maxRequests: 20_000,
          warmup: Math.max(10, 2 * concurrency),
          serverPid: server.pid!,
          beforeTimed: counting
            ? async () => void (await takeStatements(server.pid!, statementsFile))
            : options.profileDir
              ? async () => void process.kill(server.pid!, "SIGUSR2")
              : undefined,
        });
        phases.push(phase);
        if (options.profileDir) {
          rmSync(profileFile, { force: true });
          process.kill(server.pid!, "SIGUSR2");
          for (let i = 0; i < 200 && !existsSync(profileFile); i++) await new Promise((r) => setTimeout(r, 50));
          const key = "key" in target ? String(target.key) : "cheapest";
          const to = join(options.profileDir, `${key}-c${concurrency}.cpuprofile`);
          renameSync(profileFile, to);
          log(`  web: profile of the phase in ${to}`);
        }
        if (counting) {
          const rows = await takeStatements(server.pid!, statementsFile);
          const n = phase.requests;
          statements.push({
            target: target.name,
            concurrency,
            perRequest: rows.reduce((sum, r) => sum + r.n, 0) / n,
            sqliteMsPerRequest: rows.reduce((sum, r) => sum + r.ms, 0) / n,
            top: rows
              .sort((a, b) => b.ms - a.ms)
              .slice(0, 5)
              .map((r) => ({ sql: r.sql, perRequest: r.n / n, msPerRequest: r.ms / n })),
          });
        }
        log(
          `  web c=${concurrency} ${target.name}: ${fmt(phase.perSecond)} req/s, p50 ${fmt(phase.p50)} / p95 ${fmt(phase.p95)} / p99 ${fmt(phase.p99)} ms, server CPU ${fmt(phase.serverCpuMs)} ms/req, machine ${fmt(phase.machineBusyPct, 0)} % busy`,
        );
      }
    }
    return {
      provider,
      invoices: options.invoices,
      patients: options.patients,
      submissions: account.submissions,
      seedSeconds,
      buildSeconds,
      loadBefore,
      loadAfter: loadAverage(),
      phases,
      sizes,
      statements,
    };
  } finally {
    await stopProcess(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
