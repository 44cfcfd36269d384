// Child processes of the benchmark: the STS simulator (its own process, so its CPU is not charged to the worker)
// and the worker processes that run the real services. CPU time of a process is read from /proc/<pid>/stat.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { WORKER_NODE_ARGS } from "../../jobs/node-args";

const ROOT = join(__dirname, "..", "..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const CLOCK_TICKS = 100; // USER_HZ on Linux

/** user + system CPU seconds of a live process (and its reaped children). */
export function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

/**
 * CPU seconds of every process named `name` (the PostgreSQL server: postmaster and backends). A backend that exits
 * hands its time to the postmaster's reaped-children counters, which are counted too, so a before/after difference
 * covers the connections opened and closed in between.
 */
export function processesCpuSeconds(name: string): number {
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      if (stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")) !== name) continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      // the process ended while listing
    }
  }
  return ticks / CLOCK_TICKS;
}

/** Machine-wide busy and total jiffies, for the CPU utilisation during a run. */
export function machineCpu(): { busy: number; total: number } {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0]!;
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = v[3]! + (v[4] ?? 0);
  const total = v.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

export function loadAverage(): string {
  return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
}

export type Simulator = { url: string; pid: number; cpuSeconds(): number; stop(): Promise<void> };

export async function startSimulator(): Promise<Simulator> {
  const simArgs = [join(ROOT, "lib/sts/simulator/main.ts"), "--port", "0", "--host", "127.0.0.1", "--delay", "0"];
  // BENCH_SIMULATOR_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof-sim" profiles the simulator (node itself with
  // tsx's loader then, since NODE_OPTIONS may not carry --cpu-prof).
  const profileArgs = (process.env.BENCH_SIMULATOR_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const [command, args] = profileArgs.length
    ? [process.execPath, [...profileArgs, "--import", "tsx", ...simArgs]]
    : [TSX, simArgs];
  const child = spawn(command, args, {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, NODE_OPTIONS: "--max-old-space-size=4096" },
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("simulator did not start in 60 s")), 60_000);
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      const match = /in ascolto su (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once("exit", (code) => reject(new Error(`simulator exited (${code})`)));
  });
  // tsx runs the simulator in a child node process: find the node process that listens (the deepest descendant).
  const pid = deepestChild(child.pid!);
  return {
    url,
    pid,
    cpuSeconds: () => processCpuSeconds(pid),
    stop: () => stopProcess(child),
  };
}

function deepestChild(pid: number): number {
  for (let depth = 0; depth < 4; depth++) {
    let children: string[] = [];
    try {
      children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    } catch {
      break;
    }
    if (children.length === 0) break;
    pid = Number(children[0]);
  }
  return pid;
}

export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export async function simulatorAdmin<T = unknown>(
  sim: { url: string },
  path: string,
  init?: { method: string; body?: unknown },
): Promise<T> {
  const request = () =>
    fetch(`${sim.url}/__admin/${path}`, {
      method: init?.method ?? "GET",
      headers: { "content-type": "application/json" },
      body: init?.body ? JSON.stringify(init.body) : undefined,
      signal: AbortSignal.timeout(120_000),
    });
  // A kept-alive connection the simulator closed while this process was busy (SQLite seeding blocks the event
  // loop for minutes) fails on reuse with EPIPE/ECONNRESET: seen once; the admin calls are idempotent, try again.
  const res = await request().catch((error: unknown) => {
    const code = ((error as { cause?: { code?: string } }).cause ?? {}).code;
    if (code === "EPIPE" || code === "ECONNRESET" || code === "UND_ERR_SOCKET") return request();
    throw error;
  });
  if (!res.ok) throw new Error(`simulator admin ${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

export type WorkerReport = {
  startedAt: number;
  endedAt: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  peakRssMb: number;
  /** Sampled peaks of V8's heap (used, reserved) and of memory outside it (buffers, WebAssembly). */
  memory: { heapUsedMb: number; heapTotalMb: number; externalMb: number };
  result: unknown;
};

export type WorkerHandle = { child: ChildProcess; ready: Promise<void>; go(): void; done: Promise<WorkerReport> };

/**
 * Starts bench/worker.ts the way `npm run worker` starts the worker (WORKER_NODE_ARGS): it loads the real code, connects, and waits for "go" on stdin, so several workers start
 * their run at the same instant and start-up is not timed. It prints one JSON report line at the end.
 */
export function startWorker(task: object, env: Record<string, string>): WorkerHandle {
  // BENCH_WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the workers.
  const nodeArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(
    process.execPath,
    [...nodeArgs, ...WORKER_NODE_ARGS, join(ROOT, "bench/worker.ts"), JSON.stringify(task)],
    {
      cwd: ROOT,
      stdio: ["pipe", "pipe", "inherit"],
      env: { ...process.env, ...env },
    },
  );
  let report: WorkerReport | null = null;
  let readyResolve: () => void;
  const ready = new Promise<void>((resolve) => (readyResolve = resolve));
  const lines = createInterface({ input: child.stdout! });
  lines.on("line", (line) => {
    if (line === "ready") readyResolve();
    else if (line.startsWith("{")) report = JSON.parse(line) as WorkerReport;
    else if (line.trim()) console.log(`    [worker ${child.pid}] ${line}`);
  });
  const done = new Promise<WorkerReport>((resolve, reject) => {
    child.once("exit", (code) =>
      report && code === 0 ? resolve(report) : reject(new Error(`worker exited with ${code}`)),
    );
  });
  return { child, ready, go: () => child.stdin!.end("go\n"), done };
}
