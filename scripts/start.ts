// `npm start`: everything one practitioner needs on the embedded default — migrations, the production web app
// (built on first start, or when the sources changed since the last build), the worker and the STS simulator.
// `npm run dev` does the same with `next dev`. Ctrl-C stops every process.
//
// The launcher supervises its children: a process that exits on its own (a crash, a kill) is started again after a
// growing delay (lib/supervision.ts), alone, so the web app keeps answering while the worker or the simulator
// comes back. Every exit and restart is logged; a crash loop is logged and written to DATA_DIR/launcher-status.json,
// which the status page shows to the administrator.
//
// It runs as one Node process with tsx's loader (`node --import tsx`, package.json), the simulator likewise: tsx's
// own command line would stand in between as a parent process that relays signals, and it kills its child outright
// when the child does not acknowledge a signal within 30 ms — on a busy machine the launcher died mid-stop that
// way and left the web processes, the worker and the simulator running.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { migrate } from "./db.mjs";
import { backupDir, backupKey, env, sessionSecret, encryptionKey } from "../lib/env";
import { WORKER_NODE_ARGS } from "../jobs/node-args";
import { startTlsProxy } from "./tls-proxy";
import { nextBin, webServerArgs } from "./web-command";
import { backupSqlite } from "./backup-sqlite";
import { sqliteUrl } from "../lib/db-url.mjs";
import { pendingSqliteMigrations } from "../lib/db-migrations.mjs";
import { sealBackup } from "../lib/backup/backup-file";
import { writeBackup } from "../lib/backup/backup-folder";
import {
  LAUNCHER_STATUS_FILE,
  isCrashLoop,
  nextConsecutiveExits,
  restartDelayMs,
  type ExitRecord,
  type LauncherStatus,
  type SupervisedProcessStatus,
} from "../lib/supervision";

const KEEP_ALIVE_MS = 65_000;
const root = join(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const BUILD_INPUTS = ["app", "components", "lib", "public", "next.config.ts", "package-lock.json", "tsconfig.json"];

function log(message: string) {
  console.log(`[parcella] ${message}`);
}

function* files(path: string): Generator<string> {
  if (!existsSync(path)) return;
  if (statSync(path).isFile()) return yield path;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    yield* files(join(path, entry.name));
  }
}

// A content hash of what the production build is made from: a changed source means a new build.
function sourceFingerprint(): string {
  const hash = createHash("sha256");
  for (const input of BUILD_INPUTS) {
    for (const file of files(join(root, input))) {
      if (file.endsWith(".test.ts")) continue;
      hash.update(relative(root, file)).update(readFileSync(file));
    }
  }
  return hash.digest("hex");
}

function ensureBuild() {
  const marker = join(root, ".next", "parcella-source-hash");
  const fingerprint = sourceFingerprint();
  const built = existsSync(join(root, ".next", "BUILD_ID")) && existsSync(marker);
  if (built && readFileSync(marker, "utf8") === fingerprint) return;
  log("building the web app (first start or changed sources: a few minutes)…");
  const result = spawnSync(process.execPath, [nextBin(root), "build"], {
    cwd: root,
    stdio: "inherit",
    env: childEnv(),
  });
  if (result.status !== 0) throw new Error("next build failed");
  writeFileSync(marker, fingerprint);
}

function childEnv(): NodeJS.ProcessEnv {
  const e = env();
  return {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(e.PORT),
    // Zero configuration: without NEXTAUTH_URL the auth library takes the origin from the request's Host.
    ...(process.env.NEXTAUTH_URL ? {} : { AUTH_TRUST_HOST: "1" }),
  };
}

type Supervised = {
  args: string[];
  child: ChildProcess | null;
  startedAt: number;
  consecutiveExits: number;
  exits: ExitRecord[];
  restartTimer: NodeJS.Timeout | null;
  status: SupervisedProcessStatus;
};

const supervised = new Map<string, Supervised>();
const launcherStartedAt = new Date().toISOString();
let stopping = false;

function writeStatus() {
  const status: LauncherStatus = {
    pid: process.pid,
    startedAt: launcherStartedAt,
    updatedAt: new Date().toISOString(),
    processes: Object.fromEntries([...supervised].map(([name, s]) => [name, s.status])),
  };
  const path = join(env().dataDir, LAUNCHER_STATUS_FILE);
  try {
    writeFileSync(`${path}.tmp`, JSON.stringify(status, null, 2));
    renameSync(`${path}.tmp`, path);
  } catch (error) {
    log(`launcher status not written: ${error instanceof Error ? error.message : error}`);
  }
}

function run(name: string, args: string[]) {
  const entry: Supervised = {
    args,
    child: null,
    startedAt: 0,
    consecutiveExits: 0,
    exits: [],
    restartTimer: null,
    status: { pid: null, startedAt: null, restarts: 0, lastExit: null, crashLoop: false },
  };
  supervised.set(name, entry);
  launch(name, entry);
}

function launch(name: string, entry: Supervised) {
  entry.restartTimer = null;
  const child = spawn(process.execPath, entry.args, { cwd: root, stdio: "inherit", env: childEnv() });
  entry.child = child;
  entry.startedAt = Date.now();
  entry.status.pid = child.pid ?? null;
  entry.status.startedAt = new Date(entry.startedAt).toISOString();
  writeStatus();
  child.on("exit", (code, signal) => onExit(name, entry, signal ?? `exit code ${code}`));
}

function onExit(name: string, entry: Supervised, reason: string) {
  entry.child = null;
  entry.status.pid = null;
  if (stopping) return;
  const now = Date.now();
  entry.consecutiveExits = nextConsecutiveExits(entry.consecutiveExits, now - entry.startedAt);
  entry.exits = [...entry.exits, { at: now }].slice(-20);
  entry.status.lastExit = { at: new Date(now).toISOString(), reason };
  const loop = isCrashLoop(entry.exits, now);
  if (loop && !entry.status.crashLoop) {
    log(`${name} is in a crash loop (${entry.exits.length} exits in a few minutes): still retrying, see its log above`);
  }
  entry.status.crashLoop = loop;
  const delay = restartDelayMs(entry.consecutiveExits);
  log(`${name} stopped unexpectedly (${reason}): restarting in ${Math.round(delay / 1000)} s`);
  entry.status.restarts += 1;
  writeStatus();
  entry.restartTimer = setTimeout(() => {
    if (!stopping) launch(name, entry);
  }, delay);
}

async function stop(exitCode: number) {
  if (stopping) return;
  stopping = true;
  const running = () => [...supervised.values()].filter((s) => s.child);
  for (const entry of supervised.values()) {
    if (entry.restartTimer) clearTimeout(entry.restartTimer);
    entry.child?.kill("SIGTERM");
  }
  const deadline = Date.now() + 10_000;
  while (running().length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const entry of running()) entry.child?.kill("SIGKILL");
  process.exit(exitCode);
}

// An update never changes an existing database without a backup first: when migrations are pending on a SQLite
// file that already holds data, an encrypted backup goes to the backup folder (like the worker's daily ones), and the
// log says what is about to change.
async function backupBeforeMigrating(databaseUrl: string | undefined) {
  if (env().databaseProvider !== "sqlite") return;
  const path = sqliteUrl(databaseUrl).slice("file:".length);
  if (!existsSync(path)) return;
  const pending = pendingSqliteMigrations(root, path);
  if (pending.length === 0) return;
  log(`database update: ${pending.length} migration(s) to apply: ${pending.join(", ")}`);
  const plain = join(env().dataDir, `.before-migration-${process.pid}.db`);
  try {
    await backupSqlite({ to: plain, databaseUrl });
    const file = writeBackup(backupDir(), new Date(), sealBackup(readFileSync(plain), backupKey()));
    log(`backup before the update: ${file} (restore with npm run db:restore -- ${file})`);
  } finally {
    rmSync(plain, { force: true });
  }
}

async function main() {
  // `--build-only`: make the production build if the sources changed since the last one, and stop (npm test builds
  // while the static checks run, so that the browser tests' server starts at once).
  if (process.argv.includes("--build-only")) return ensureBuild();
  const e = env();
  if (Boolean(e.TLS_CERT_FILE) !== Boolean(e.TLS_KEY_FILE))
    throw new Error("TLS_CERT_FILE e TLS_KEY_FILE vanno indicati insieme");
  const tls = e.TLS_CERT_FILE && e.TLS_KEY_FILE ? { certFile: e.TLS_CERT_FILE, keyFile: e.TLS_KEY_FILE } : null;
  // With HTTPS the plain web app stays on this computer; HOST applies to the HTTPS listener.
  const webHost = tls ? "127.0.0.1" : e.HOST;
  // Create the generated secrets before any child starts, so that web and worker read the same files.
  sessionSecret();
  encryptionKey();
  log(`database: ${e.databaseProvider === "sqlite" ? "SQLite (embedded)" : "PostgreSQL"}`);
  await backupBeforeMigrating(e.DATABASE_URL);
  migrate(e.DATABASE_URL);
  if (!dev) ensureBuild();
  const simulatorEntry = join(root, "lib", "sts", "simulator", "main.ts");
  if (e.STS_ENVIRONMENT === "simulator" && existsSync(simulatorEntry)) {
    run("sts-simulator", ["--import", "tsx", simulatorEntry, "--port", String(e.STS_SIMULATOR_PORT)]);
  }
  // The worker with a bounded heap and tsx's CommonJS hook only (jobs/node-args.ts says why).
  if (e.WORKER_ENABLED) run("worker", [...WORKER_NODE_ARGS, join(root, "jobs", "worker.ts"), "--skip-migrate"]);
  // Idle connections kept 65 s instead of Node's 5: a client that pools connections (a reverse proxy, the HTTPS
  // listener below, a script) and reuses one just as the server closes it gets a connection reset, not an answer.
  const keepAlive = dev ? [] : ["--keepAliveTimeout", String(KEEP_ALIVE_MS)];
  const nextArgs = [dev ? "dev" : "start", "--port", String(e.PORT), "--hostname", webHost, ...keepAlive];
  // Several processes share the port through Node's cluster module (scripts/web-cluster.ts); `next dev` stays one.
  const webProcesses = dev ? 1 : e.WEB_PROCESSES;
  if (webProcesses > 1) log(`web: ${webProcesses} processes on port ${e.PORT}`);
  run("web", webServerArgs(root, webProcesses, nextArgs));
  const shown = webHost === "127.0.0.1" ? "localhost" : webHost;
  log(`Parcella: http://${shown}:${e.PORT}`);
  if (tls) {
    await startTlsProxy({ ...tls, host: e.HOST, port: e.TLS_PORT, upstreamPort: e.PORT, log });
    log(`Parcella: https://${e.HOST === "127.0.0.1" ? "localhost" : e.HOST}:${e.TLS_PORT}`);
  } else if (webHost !== "127.0.0.1" && webHost !== "localhost" && webHost !== "::1") {
    log(
      `listening on ${e.HOST} in plain HTTP: put HTTPS in front of it before using it from other devices (README, "From a phone")`,
    );
  }
}

process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
main().catch((error: unknown) => {
  console.error(`[parcella] ${error instanceof Error ? error.message : error}`);
  void stop(1);
});
