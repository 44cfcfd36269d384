// One benchmark worker process: runs the worker's real job code (runAutomaticSending / pollDueSubmissions) against
// the benchmark database and the simulator (STS_SIMULATOR_URL), then prints a JSON report with its wall-clock
// interval, CPU time (process.cpuUsage) and peak RSS (VmHWM from /proc/self/status).
import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import { createInterface } from "node:readline";
import { createDb } from "../lib/db";
import { pollDueSubmissions } from "../lib/services/sts/poll-due-submissions";
import { runAutomaticSending } from "../lib/services/sts/run-automatic-sending";

type Task =
  | { kind: "hourly"; databaseUrl: string; slot: string; concurrency: number; poolSize: number }
  | { kind: "poll"; databaseUrl: string; concurrency: number; poolSize: number; limit?: number; maxSeconds: number };

function peakRssMb(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
  return match ? Number(match[1]) / 1024 : process.memoryUsage().rss / 1024 / 1024;
}

async function main() {
  const task = JSON.parse(process.argv[2]!) as Task;
  const db = createDb(task.databaseUrl, { poolSize: task.poolSize });
  // Warm-up outside the timed interval: connections and the Prisma query compiler.
  await db.stsSettings.count();
  const log = (line: string) => console.log(line);
  console.log("ready");
  await new Promise<void>((resolve) => createInterface({ input: process.stdin }).once("line", () => resolve()));

  // Where the memory goes: the peaks of V8's heap and of memory outside it (buffers, WebAssembly), sampled.
  const memory = { heapUsedMb: 0, heapTotalMb: 0, externalMb: 0 };
  const sample = setInterval(() => {
    const m = process.memoryUsage();
    memory.heapUsedMb = Math.max(memory.heapUsedMb, m.heapUsed / 1048576);
    memory.heapTotalMb = Math.max(memory.heapTotalMb, m.heapTotal / 1048576);
    memory.externalMb = Math.max(memory.externalMb, m.external / 1048576);
  }, 100);
  sample.unref();
  const cpu0 = process.cpuUsage();
  const startedAt = Date.now();
  let result: unknown;
  if (task.kind === "hourly") {
    result = await runAutomaticSending({ db, slot: new Date(task.slot), concurrency: task.concurrency, log });
  } else {
    // The worker's outcome schedule, back to back, until nothing awaits an outcome (bounded in rounds and time).
    const workerId = `${hostname()}:${process.pid}:bench`;
    let rounds = 0,
      polled = 0,
      completed = 0;
    const deadline = startedAt + task.maxSeconds * 1000;
    while (rounds < 10_000 && Date.now() < deadline) {
      const r = await pollDueSubmissions({ db, workerId, concurrency: task.concurrency, limit: task.limit, log });
      rounds++;
      polled += r.due;
      completed += r.completed;
      if (r.due === 0) {
        if ((await db.stsSubmission.count({ where: { status: "awaiting_outcome" } })) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    result = { rounds, polled, completed };
  }
  const endedAt = Date.now();
  const cpu = process.cpuUsage(cpu0);
  await db.$disconnect();
  console.log(
    JSON.stringify({
      startedAt,
      endedAt,
      cpuUserMs: cpu.user / 1000,
      cpuSystemMs: cpu.system / 1000,
      peakRssMb: peakRssMb(),
      memory,
      result,
    }),
  );
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
