// The web benchmark's set-up (bench/web.ts): the production build, the seeded account with its STS submissions,
// the login, the pages' sizes, and the statement counts the server hands over on a signal.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Db } from "../../lib/db";
import { pollDueSubmissions } from "../../lib/services/sts/poll-due-submissions";
import { runAutomaticSending } from "../../lib/services/sts/run-automatic-sending";
import { historyPlan, seedBulk } from "../seed-bulk";
import { nextBin } from "../../scripts/web-command";
import { request } from "./load";

const ROOT = join(__dirname, "..", "..");
export const NEXT_BIN = nextBin(ROOT);
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

/** Asks the server for its statement counts since the last ask (SIGUSR2) and waits for the file. */
export async function takeStatements(pid: number, file: string) {
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
export function ensureBuild(log: (line: string) => void): number {
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
export async function seedAccount(db: Db, options: { invoices: number; patients: number; encryptionKey: Buffer }) {
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
export async function login(base: string, email: string): Promise<string> {
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

export async function sizesOf(base: string, path: string, cookie: string): Promise<WebSizes> {
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
