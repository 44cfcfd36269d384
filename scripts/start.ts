// `npm start`: everything one practitioner needs on the embedded default — migrations, the production web app
// (built on first start, or when the sources changed since the last build), the worker and the STS simulator.
// `npm run dev` does the same with `next dev`. Ctrl-C stops every process.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { migrate } from "./db.mjs";
import { env, sessionSecret, encryptionKey } from "../lib/env";
import { WORKER_NODE_ARGS } from "../jobs/node-args";

const root = join(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const nextBin = join(root, "node_modules", "next", "dist", "bin", "next");
const tsxBin = join(root, "node_modules", "tsx", "dist", "cli.mjs");
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
  const result = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env: childEnv() });
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

const children = new Map<string, ChildProcess>();
let stopping = false;

function run(name: string, args: string[]) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: "inherit", env: childEnv() });
  children.set(name, child);
  child.on("exit", (code, signal) => {
    children.delete(name);
    if (stopping) return;
    log(`${name} stopped unexpectedly (${signal ?? `exit code ${code}`}): stopping everything`);
    void stop(1);
  });
}

async function stop(exitCode: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children.values()) child.kill("SIGTERM");
  const deadline = Date.now() + 10_000;
  while (children.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const child of children.values()) child.kill("SIGKILL");
  process.exit(exitCode);
}

function main() {
  const e = env();
  // Create the generated secrets before any child starts, so that web and worker read the same files.
  sessionSecret();
  encryptionKey();
  log(`database: ${e.databaseProvider === "sqlite" ? "SQLite (embedded)" : "PostgreSQL"}`);
  migrate(e.DATABASE_URL);
  if (!dev) ensureBuild();
  const simulatorEntry = join(root, "lib", "sts", "simulator", "main.ts");
  if (e.STS_ENVIRONMENT === "simulator" && existsSync(simulatorEntry)) {
    run("sts-simulator", [tsxBin, simulatorEntry, "--port", String(e.STS_SIMULATOR_PORT)]);
  }
  // The worker with a bounded heap and tsx's CommonJS hook only (jobs/node-args.ts says why).
  if (e.WORKER_ENABLED) run("worker", [...WORKER_NODE_ARGS, join(root, "jobs", "worker.ts"), "--skip-migrate"]);
  run("web", [nextBin, dev ? "dev" : "start", "--port", String(e.PORT)]);
  log(`Parcella: http://localhost:${e.PORT}`);
}

process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
try {
  main();
} catch (error) {
  console.error(`[parcella] ${error instanceof Error ? error.message : error}`);
  void stop(1);
}
