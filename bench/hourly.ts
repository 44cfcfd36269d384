// Benchmarks 1 and 2: the hourly automatic run (runAutomaticSending) and then outcome polling (pollDueSubmissions)
// of the submissions it left, in worker processes, against the simulator in its own process with injected latency.
import { readdirSync, readFileSync } from "node:fs";
import { createDb, type Db } from "../lib/db";
import { createClientFor } from "../lib/services/sts/sts-connection";
import { KIT_STS } from "../prisma/seed/factories/sts";
import type { DatabaseFactory, Provider } from "./lib/databases";
import {
  loadAverage,
  machineCpu,
  processCpuSeconds,
  processesCpuSeconds,
  simulatorAdmin,
  startWorker,
  type Simulator,
  type WorkerReport,
} from "./lib/processes";
import { quantile } from "./lib/stats";
import { hourlyPlan, seedBulk } from "./seed-bulk";
import { verifyBulkSeed } from "./verify-seed";

export const LATENCY_MS = 200;
export const CONCURRENCY = 16;
const DOCS_PER_PRACTITIONER = 25;

type Counts = {
  documents: Record<string, { received: Record<string, number>; accepted: Record<string, number> }>;
  requests: Record<string, number>;
  submissions: number;
  /** Most service requests the simulator was answering at once since its reset. */
  peakInFlight: number;
};

export type HourlyResult = {
  provider: Provider;
  workers: number;
  run: number;
  practitioners: number;
  seedSeconds: number;
  batches: number;
  documents: number;
  wallSeconds: number;
  idealSeconds: number;
  ratio: number;
  docsPerSecond: number;
  workerCpuMsPerBatch: number;
  /**
   * Worker CPU and this database's backends' CPU per batch in the run's steady state (from 25 % to 90 % of the
   * uploads: see steadyCpuMsPerUpload), read from /proc every second.
   */
  steadyWorkerCpuMsPerBatch: number;
  steadyDatabaseCpuMsPerBatch: number;
  /** The part of it spent in the kernel (sockets, memory). */
  workerSystemCpuMsPerBatch: number;
  /** One upload call as the client timed it (STS latency + the client's own waits), median and p95. */
  uploadMsP50: number;
  uploadMsP95: number;
  /** Most uploads in flight at once, as the simulator saw them (the bound is CONCURRENCY). */
  peakInFlight: number;
  /** PostgreSQL: rows read by sequential scans during the run, per batch (an index-driven run reads ~0). */
  seqRowsPerBatch: number;
  /** The table most of them came from. */
  seqScanTopTable: string;
  simulatorCpuSeconds: number;
  /** Every PostgreSQL process on the machine (other databases' work included). */
  databaseCpuSeconds: number;
  /** PostgreSQL: the backends of the run's database alone, per batch, and how many connections they were. */
  ownDatabaseCpuMsPerBatch: number;
  databaseConnections: number;
  /** PostgreSQL's checkpointer, background writer and WAL writer (shared by every database on the server). */
  databaseBackgroundCpuSeconds: number;
  machineBusyPct: number;
  peakRssMb: number;
  exactlyOnce: boolean;
  exactlyOnceDetail: string;
  loadBefore: string;
  /** The readings behind the steady figures. */
  timeline: Progress[];
  poll?: PollResult;
};

export type PollResult = {
  submissions: number;
  processingSeconds: number;
  wallSeconds: number;
  stsCalls: number;
  idealSeconds: number;
  ratio: number;
  workerCpuMsPerSubmission: number;
  workerSystemCpuMsPerSubmission: number;
  peakInFlight: number;
  seqRowsPerSubmission: number;
  simulatorCpuSeconds: number;
  databaseCpuSeconds: number;
  machineBusyPct: number;
  peakRssMb: number;
  allResolved: boolean;
  acceptedOnce: boolean;
};

function checkExactlyOnce(counts: Counts, expected: number, field: "received" | "accepted") {
  const entries = Object.values(counts.documents);
  const wrong = entries.filter((e) => (e[field].I ?? 0) !== 1 || Object.keys(e[field]).some((op) => op !== "I")).length;
  const ok = entries.length === expected && wrong === 0;
  return { ok, detail: `${entries.length}/${expected} identities, ${wrong} not exactly once` };
}

/** One outcome query makes the simulator process every file it holds; returns how long that took. */
async function forceProcessing(db: Db): Promise<number> {
  const t0 = Date.now();
  const client = createClientFor({ ...KIT_STS, cfProprietario: KIT_STS.cfTitolare }, { db, timeoutMs: 300_000 });
  await client.getOutcome({ protocollo: "990000000000000000" });
  return (Date.now() - t0) / 1000;
}

// The bound toward STS is the deployment's, not each process's: N workers share CONCURRENCY (16 → 6 + 5 + 5), so
// the ideal (batches × latency / 16) is the same for 1 and 3 workers.
function concurrencyShare(workers: number, index: number) {
  return Math.floor(CONCURRENCY / workers) + (index < CONCURRENCY % workers ? 1 : 0);
}

/**
 * Rows PostgreSQL has read with sequential scans in the database so far (NaN on SQLite): a query that scans a whole
 * table per batch shows here long before it shows in the timings of a small run.
 */
async function rowsReadBySequentialScans(databaseUrl: string): Promise<Map<string, number>> {
  const rows = new Map<string, number>();
  if (databaseUrl.startsWith("file:")) return rows;
  const db = createDb(databaseUrl, { poolSize: 1 });
  try {
    for (const r of await db.$queryRawUnsafe<{ relname: string; rows: bigint | number }[]>(
      `SELECT relname, seq_tup_read AS rows FROM pg_stat_user_tables`,
    )) {
      rows.set(r.relname, Number(r.rows));
    }
    return rows;
  } finally {
    await db.$disconnect();
  }
}

/** Rows read by sequential scans between two readings, in all and for the table that read the most. */
function sequentialScansSince(before: Map<string, number>, after: Map<string, number>) {
  let total = 0;
  let top = { table: "", rows: 0 };
  for (const [table, rows] of after) {
    const read = rows - (before.get(table) ?? 0);
    total += read;
    if (read > top.rows) top = { table, rows: read };
  }
  return { total: after.size ? total : NaN, top };
}

/**
 * CPU seconds of the PostgreSQL backends serving one database, sampled from /proc every 100 ms (a backend names its
 * database in its process title). The machine's other PostgreSQL work (other databases, other users of the server)
 * is left out, which the sum over every "postgres" process is not; the background processes (checkpointer, WAL
 * writer) are counted apart, since they serve every database. A backend's last 100 ms before it exits may be missed:
 * a lower bound by at most 0.1 s per connection.
 */
function backendCpuSampler(databaseUrl: string) {
  const name = new URL(databaseUrl).pathname.slice(1);
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  const backgroundFirst = new Map<number, number>();
  const backgroundLast = new Map<number, number>();
  // What each process is, decided once per pid: only this database's backends and the background processes are read
  // at every sample.
  const kind = new Map<number, "own" | "background" | "other">();
  const classify = (pid: number) => {
    let k = kind.get(pid);
    if (k) return k;
    k = "other";
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      if (stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")) === "postgres") {
        const title = readFileSync(`/proc/${pid}/cmdline`, "utf8");
        // A backend just forked still bears the postmaster's command line until it has connected: decide later.
        if (!title.startsWith("postgres: ")) return "other";
        if (title.includes(` ${name} `)) k = "own";
        else if (/checkpointer|background writer|walwriter/.test(title)) k = "background";
      }
    } catch {
      // the process ended while listing
    }
    kind.set(pid, k);
    return k;
  };
  const sample = () => {
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const pid = Number(entry);
      const k = classify(pid);
      if (k === "other") continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        const seconds = (Number(fields[11]) + Number(fields[12])) / 100;
        const [from, to] = k === "own" ? [first, last] : [backgroundFirst, backgroundLast];
        if (!from.has(pid)) from.set(pid, seconds);
        to.set(pid, seconds);
      } catch {
        // the process ended while listing
      }
    }
  };
  // Backends already connected count from now; those opened later from zero.
  sample();
  for (const pid of first.keys()) first.set(pid, last.get(pid)!);
  const known = new Set(first.keys());
  const timer = setInterval(sample, 100);
  const total = () => [...last].reduce((s, [pid, v]) => s + v - (known.has(pid) ? first.get(pid)! : 0), 0);
  const sum = (from: Map<number, number>, to: Map<number, number>, zeroForNew: Set<number> | null) =>
    [...to].reduce((s, [pid, v]) => s + v - (zeroForNew && !zeroForNew.has(pid) ? 0 : from.get(pid)!), 0);
  return {
    /** This database's backends so far (as of the last sample). */
    current: total,
    stop() {
      sample();
      clearInterval(timer);
      return {
        backends: sum(first, last, known),
        connections: last.size,
        background: sum(backgroundFirst, backgroundLast, null),
      };
    },
  };
}

/** The memory breakdown of the worker with the largest peak RSS. */
function memoryText(reports: WorkerReport[]) {
  const top = reports.reduce((a, b) => (b.peakRssMb > a.peakRssMb ? b : a));
  const m = top.memory;
  return `heap used ≤ ${m.heapUsedMb.toFixed(0)} MB, heap reserved ≤ ${m.heapTotalMb.toFixed(0)} MB, external ≤ ${m.externalMb.toFixed(0)} MB`;
}

/** One reading of the run's progress: seconds since the start, uploads done, CPU seconds so far. */
export type Progress = { seconds: number; uploads: number; workerCpu: number; databaseCpu: number };

/**
 * CPU per upload between two points of the run (from 25 % to 90 % of the uploads, by default): the run's steady
 * state, without the start-up of the processes (JIT, connections, caches) and the last wave, whatever the size.
 */
export function steadyCpuMsPerUpload(timeline: Progress[], total: number, from = 0.25, to = 0.9) {
  const readings = timeline.filter((p) => Number.isFinite(p.workerCpu));
  const a = readings.find((p) => p.uploads >= from * total);
  const b = readings.find((p) => p.uploads >= to * total);
  if (!a || !b || b.uploads === a.uploads) return { worker: NaN, database: NaN };
  const n = b.uploads - a.uploads;
  return { worker: (1000 * (b.workerCpu - a.workerCpu)) / n, database: (1000 * (b.databaseCpu - a.databaseCpu)) / n };
}

async function runWorkers(
  count: number,
  databaseUrl: string,
  task: (index: number) => object,
  env: Record<string, string>,
  sim: Simulator,
  progress = false,
) {
  const workers = Array.from({ length: count }, (_, i) => startWorker(task(i), env));
  await Promise.all(workers.map((w) => w.ready));
  const sim0 = sim.cpuSeconds();
  const db0 = processesCpuSeconds("postgres");
  const seq0 = await rowsReadBySequentialScans(databaseUrl);
  const m0 = machineCpu();
  const backends = databaseUrl.startsWith("file:") ? null : backendCpuSampler(databaseUrl);
  // Every second: uploads so far (the simulator's count) and the CPU of the workers and of this database's backends.
  const timeline: Progress[] = [];
  const t0 = Date.now();
  const cpu0 = workers.map((w) => processCpuSeconds(w.child.pid!));
  const read = async () => {
    const counts = await simulatorAdmin<Counts>(sim, "counts");
    timeline.push({
      seconds: (Date.now() - t0) / 1000,
      uploads: counts.requests.inviaFileMtom ?? 0,
      workerCpu: workers.reduce((s, w, i) => s + processCpuSeconds(w.child.pid!) - cpu0[i]!, 0),
      databaseCpu: backends?.current() ?? NaN,
    });
  };
  let reading: Promise<void> = Promise.resolve();
  const ticker = progress ? setInterval(() => (reading = reading.then(read)), 1000) : undefined;
  for (const w of workers) w.go();
  const reports: WorkerReport[] = await Promise.all(workers.map((w) => w.done));
  clearInterval(ticker);
  await reading;
  const m1 = machineCpu();
  const own = backends?.stop();
  return {
    reports,
    wallSeconds: (Math.max(...reports.map((r) => r.endedAt)) - Math.min(...reports.map((r) => r.startedAt))) / 1000,
    cpuMs: reports.reduce((s, r) => s + r.cpuUserMs + r.cpuSystemMs, 0),
    systemCpuMs: reports.reduce((s, r) => s + r.cpuSystemMs, 0),
    // PostgreSQL's server processes (0 on SQLite, which runs inside the worker).
    dbCpuSeconds: processesCpuSeconds("postgres") - db0,
    // The backends of this database alone, and PostgreSQL's background processes (NaN on SQLite).
    ownDbCpuSeconds: own?.backends ?? NaN,
    dbConnections: own?.connections ?? 0,
    dbBackgroundCpuSeconds: own?.background ?? NaN,
    seqScans: sequentialScansSince(seq0, await rowsReadBySequentialScans(databaseUrl)),
    peakRssMb: Math.max(...reports.map((r) => r.peakRssMb)),
    peakMemory: memoryText(reports),
    simulatorCpuSeconds: sim.cpuSeconds() - sim0,
    machineBusyPct: (100 * (m1.busy - m0.busy)) / (m1.total - m0.total),
    timeline,
  };
}

export async function hourlyBenchmark(options: {
  factory: DatabaseFactory;
  provider: Provider;
  workers: number;
  run: number;
  practitioners: number;
  sim: Simulator;
  encryptionKey: Buffer;
  env: Record<string, string>;
  poll: boolean;
  verify: boolean;
  log: (line: string) => void;
}): Promise<HourlyResult> {
  const { sim, provider, log } = options;
  const database = await options.factory.create(provider, `hourly_${options.workers}w`);
  try {
    const db = createDb(database.url, { poolSize: 4 });
    if (options.verify) {
      const problems = await verifyBulkSeed(db, options.encryptionKey);
      if (problems.length) throw new Error(`bulk seed differs from the factories:\n  ${problems.join("\n  ")}`);
      log(`  bulk seed verified against the factories (${provider})`);
    }
    const t0 = Date.now();
    await seedBulk(db, {
      practitioners: options.practitioners,
      patientsPerPractitioner: 5,
      invoicesOf: hourlyPlan(DOCS_PER_PRACTITIONER),
      autoSend: true,
      autoSendFrom: "2026-02-01",
      encryptionKey: options.encryptionKey,
      chunk: provider === "sqlite" ? 400 : 1000,
    });
    const seedSeconds = (Date.now() - t0) / 1000;
    await db.$disconnect();
    const documents = options.practitioners * DOCS_PER_PRACTITIONER;
    log(`  seeded ${options.practitioners} practitioners, ${documents} invoices in ${seedSeconds.toFixed(1)} s`);

    await simulatorAdmin(sim, "reset", { method: "POST", body: {} });
    await simulatorAdmin(sim, "faults", {
      method: "POST",
      body: { type: "latency", operation: "inviaFileMtom", latencyMs: LATENCY_MS },
    });
    const loadBefore = loadAverage();
    const poolSize = String(CONCURRENCY + 4);
    const env = { ...options.env, DATABASE_URL: database.url, PG_POOL_SIZE: poolSize };
    const slot = "2026-11-26T09:10:00.000Z";
    const hourly = await runWorkers(
      options.workers,
      database.url,
      (i) => ({
        kind: "hourly",
        databaseUrl: database.url,
        slot,
        concurrency: concurrencyShare(options.workers, i),
        poolSize: CONCURRENCY + 4,
      }),
      env,
      sim,
      true,
    );
    const summaries = hourly.reports.map(
      (r) => r.result as { practitioners: number; submissions: number; documents: number },
    );
    const batches = summaries.reduce((s, r) => s + r.submissions, 0);
    const sent = summaries.reduce((s, r) => s + r.documents, 0);
    // The simulator counts a document when it processes the file (lazily, on the first outcome query): make it
    // process everything now (untimed), then every identity must have been received exactly once.
    await simulatorAdmin(sim, "faults", { method: "DELETE" });
    const processingSeconds = await forceProcessing(db);
    const counts = await simulatorAdmin<Counts>(sim, "counts");
    const once = checkExactlyOnce(counts, documents, "received");
    const uploads = counts.requests.inviaFileMtom ?? 0;
    const check = createDb(database.url, { poolSize: 2 });
    const statuses = await check.stsSubmission.groupBy({ by: ["status", "errorMessage"], _count: true });
    // How long each upload took as the client saw it (from building the request to reading the answer).
    const uploadMs = (
      await check.stsExchange.findMany({ where: { operation: "inviaFileMtom" }, select: { durationMs: true } })
    ).map((e) => e.durationMs);
    await check.$disconnect();
    const statusText = statuses
      .map((s) => `${s._count} ${s.status}${s.errorMessage ? ` (${s.errorMessage})` : ""}`)
      .join(", ");
    const idealSeconds = (batches * LATENCY_MS) / 1000 / CONCURRENCY;
    const steady = steadyCpuMsPerUpload(hourly.timeline, uploads);
    const result: HourlyResult = {
      provider,
      workers: options.workers,
      run: options.run,
      practitioners: options.practitioners,
      seedSeconds,
      batches,
      documents: sent,
      wallSeconds: hourly.wallSeconds,
      idealSeconds,
      ratio: idealSeconds / hourly.wallSeconds,
      docsPerSecond: sent / hourly.wallSeconds,
      workerCpuMsPerBatch: hourly.cpuMs / Math.max(1, batches),
      steadyWorkerCpuMsPerBatch: steady.worker,
      steadyDatabaseCpuMsPerBatch: steady.database,
      workerSystemCpuMsPerBatch: hourly.systemCpuMs / Math.max(1, batches),
      uploadMsP50: quantile(uploadMs, 0.5),
      uploadMsP95: quantile(uploadMs, 0.95),
      peakInFlight: counts.peakInFlight,
      seqRowsPerBatch: hourly.seqScans.total / Math.max(1, batches),
      seqScanTopTable: hourly.seqScans.top.table,
      simulatorCpuSeconds: hourly.simulatorCpuSeconds,
      databaseCpuSeconds: hourly.dbCpuSeconds,
      ownDatabaseCpuMsPerBatch: (1000 * hourly.ownDbCpuSeconds) / Math.max(1, batches),
      databaseConnections: hourly.dbConnections,
      databaseBackgroundCpuSeconds: hourly.dbBackgroundCpuSeconds,
      machineBusyPct: hourly.machineBusyPct,
      peakRssMb: hourly.peakRssMb,
      exactlyOnce: once.ok && sent === documents && uploads === batches,
      exactlyOnceDetail: `${once.detail}; ${uploads} uploads for ${batches} submissions (${statusText}); ${sent}/${documents} documents sent`,
      loadBefore,
      timeline: hourly.timeline,
    };
    log(
      `  hourly ${provider} ${options.workers}w run ${options.run}: ${result.wallSeconds.toFixed(1)} s (ideal ${idealSeconds.toFixed(1)} s, ratio ${result.ratio.toFixed(2)}), ${result.workerCpuMsPerBatch.toFixed(1)} ms CPU/batch (${result.workerSystemCpuMsPerBatch.toFixed(1)} system; steady state ${result.steadyWorkerCpuMsPerBatch.toFixed(1)}, database ${result.steadyDatabaseCpuMsPerBatch.toFixed(1)}), upload call p50 ${result.uploadMsP50.toFixed(0)} ms p95 ${result.uploadMsP95.toFixed(0)} ms, peak ${result.peakInFlight} in flight, ${result.seqRowsPerBatch.toFixed(0)} rows seq-scanned/batch${result.seqScanTopTable ? ` (mostly ${result.seqScanTopTable})` : ""}, RSS ${result.peakRssMb.toFixed(0)} MB (${hourly.peakMemory}), sim CPU ${result.simulatorCpuSeconds.toFixed(1)} s, database CPU ${result.databaseCpuSeconds.toFixed(1)} s (this database's ${result.databaseConnections} backends ${result.ownDatabaseCpuMsPerBatch.toFixed(1)} ms/batch, background processes ${result.databaseBackgroundCpuSeconds.toFixed(1)} s), machine ${result.machineBusyPct.toFixed(0)} % busy, exactly once: ${result.exactlyOnce} (${result.exactlyOnceDetail})`,
    );

    if (options.poll)
      result.poll = await pollBenchmark({
        ...options,
        env,
        databaseUrl: database.url,
        submissions: batches,
        documents,
        processingSeconds,
      });
    return result;
  } finally {
    await database.drop();
  }
}

async function pollBenchmark(options: {
  sim: Simulator;
  env: Record<string, string>;
  databaseUrl: string;
  workers: number;
  submissions: number;
  documents: number;
  processingSeconds: number;
  log: (line: string) => void;
}): Promise<PollResult> {
  const { sim, log } = options;
  // The simulator already processed every file (forceProcessing), so the timed part is Parcella resolving
  // outcomes, not the simulator decrypting 26 fields per file.
  const processingSeconds = options.processingSeconds;
  for (const operation of ["EsitoInvii", "DettaglioErrori", "RicevutaPdf"]) {
    await simulatorAdmin(sim, "faults", {
      method: "POST",
      body: { type: "latency", operation, latencyMs: LATENCY_MS },
    });
  }
  const before = await simulatorAdmin<Counts>(sim, "counts");
  const env = { ...options.env };
  const poll = await runWorkers(
    options.workers,
    options.databaseUrl,
    (i) => ({
      kind: "poll",
      databaseUrl: options.databaseUrl,
      concurrency: concurrencyShare(options.workers, i),
      poolSize: CONCURRENCY + 4,
      maxSeconds: 1800,
    }),
    env,
    sim,
  );
  const after = await simulatorAdmin<Counts>(sim, "counts");
  const calls = ["EsitoInvii", "DettaglioErrori", "RicevutaPdf"].reduce(
    (s, op) => s + (after.requests[op] ?? 0) - (before.requests[op] ?? 0),
    0,
  );
  const db = createDb(options.databaseUrl, { poolSize: 2 });
  const pending = await db.stsSubmission.count({ where: { status: { not: "completed" } } });
  const accepted = await db.invoice.count({ where: { stsState: "accepted" } });
  await db.$disconnect();
  const acceptedOnce = checkExactlyOnce(after, options.documents, "accepted");
  const idealSeconds = (calls * LATENCY_MS) / 1000 / CONCURRENCY;
  const result: PollResult = {
    submissions: options.submissions,
    processingSeconds,
    wallSeconds: poll.wallSeconds,
    stsCalls: calls,
    idealSeconds,
    ratio: idealSeconds / poll.wallSeconds,
    workerCpuMsPerSubmission: poll.cpuMs / Math.max(1, options.submissions),
    workerSystemCpuMsPerSubmission: poll.systemCpuMs / Math.max(1, options.submissions),
    peakInFlight: after.peakInFlight,
    seqRowsPerSubmission: poll.seqScans.total / Math.max(1, options.submissions),
    simulatorCpuSeconds: poll.simulatorCpuSeconds,
    databaseCpuSeconds: poll.dbCpuSeconds,
    machineBusyPct: poll.machineBusyPct,
    peakRssMb: poll.peakRssMb,
    allResolved: pending === 0 && accepted === options.documents,
    acceptedOnce: acceptedOnce.ok,
  };
  log(
    `  polling: simulator processing ${processingSeconds.toFixed(1)} s, then ${result.wallSeconds.toFixed(1)} s for ${options.submissions} submissions (${calls} STS calls, ideal ${idealSeconds.toFixed(1)} s, ratio ${result.ratio.toFixed(2)}), ${result.workerCpuMsPerSubmission.toFixed(1)} ms CPU/submission (${result.workerSystemCpuMsPerSubmission.toFixed(1)} system), RSS ${result.peakRssMb.toFixed(0)} MB (${poll.peakMemory}), peak ${result.peakInFlight} calls in flight, ${result.seqRowsPerSubmission.toFixed(0)} rows seq-scanned/submission, sim CPU ${result.simulatorCpuSeconds.toFixed(1)} s, database CPU ${result.databaseCpuSeconds.toFixed(1)} s, machine ${result.machineBusyPct.toFixed(0)} % busy, all resolved: ${result.allResolved}, accepted once: ${acceptedOnce.detail}`,
  );
  return result;
}
