// Several web processes on one port (WEB_PROCESSES > 1, started by scripts/start.ts): Node's cluster module runs
// `next start` in each child and shares the listening socket among them, so no proxy stands in between. One
// `next start` is bound by its one JavaScript thread (docs/BENCHMARKS.md, "The web under concurrent use"): on a
// machine with more cores, more processes serve more pages at once.
//
// Usage: node --require tsx/cjs scripts/web-cluster.ts <count> <next bin> <next start arguments…>
//
// The processes keep nothing the others need: sessions are signed cookies, the data is in the database. What each
// keeps in memory is its own: the login pacing (lib/auth/login-gate.ts) paces each process's logins, so the
// installation handles at most WEB_PROCESSES × its rate. A child that stops is started again after a second (the
// launcher supervises this process as it supervises the single `next start`); SIGTERM or SIGINT stops them all.
import cluster, { type Worker } from "node:cluster";

const RESTART_DELAY_MS = 1_000;
const STOP_GRACE_MS = 8_000;

const [countArg, nextBin, ...nextArgs] = process.argv.slice(2);
const count = Number(countArg);
if (!Number.isInteger(count) || count < 1 || !nextBin) {
  console.error("[parcella] uso: web-cluster.ts <numero di processi> <next> <argomenti di next start>");
  process.exit(2);
}

// The children run Next's own command line, without this script's loader.
cluster.setupPrimary({ exec: nextBin, args: nextArgs, execArgv: [] });

let stopping = false;
const running = new Set<Worker>();

function start() {
  running.add(cluster.fork());
}

cluster.on("exit", (worker, code, signal) => {
  running.delete(worker);
  if (stopping) {
    if (running.size === 0) process.exit(0);
    return;
  }
  const reason = signal ?? `exit code ${code}`;
  console.log(
    `[parcella] web process ${worker.process.pid} stopped (${reason}): restarting in ${RESTART_DELAY_MS / 1000} s`,
  );
  setTimeout(() => {
    if (!stopping) start();
  }, RESTART_DELAY_MS);
});

function stop() {
  if (stopping) return;
  stopping = true;
  if (running.size === 0) process.exit(0);
  for (const worker of running) worker.process.kill("SIGTERM");
  setTimeout(() => {
    for (const worker of running) worker.process.kill("SIGKILL");
    process.exit(0);
  }, STOP_GRACE_MS).unref();
}

process.on("SIGTERM", stop);
process.on("SIGINT", stop);

for (let i = 0; i < count; i++) start();
