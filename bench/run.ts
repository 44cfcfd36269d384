// Parcella benchmarks (issue #7, docs/BENCHMARKS.md):
//   tsx bench/run.ts --quick   small sizes, 3 runs each; the web at 5 s per page (about 10 minutes with the build)
//   tsx bench/run.ts --full    the sizes (10,000 practitioners × 25, 50,000-invoice list, 1,000 × 1,000)
// Options: --only sts,hourly,list,file,web (web builds the app first when .next is missing or older than the sources)
//          --providers sqlite,postgresql   --runs N   --practitioners N   --workers 1,3
//          --skip-poll (hourly runs without the outcome polling after them)
//          --others PxN (PostgreSQL list: other practitioners × invoices, full default 1000x1000)   --json <path>
//          --port N (web: the server's port, default 3250)   --seconds N (web: timed seconds per page; quick 5, full 10)
//          --concurrency 1,20 (web: clients)   --count-statements (web, SQLite: statements per request)
//          --pages home,list,filtered,detail,patient,log (web: which pages; all by default)
//          --profile <dir> (web: a CPU profile of the server per timed phase; summarise with bench/profile-summary.ts)
//          --web-processes N (web: server processes on the port, as WEB_PROCESSES=N npm start; default 1)
//          --ratio-rounds N (web: then N rounds of each page beside the cheapest response, back to back; default 0)
// Databases are created (SQLite under /tmp, PostgreSQL parcella_bench_… on 127.0.0.1) and dropped at the end.
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { cpus, totalmem, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { DatabaseFactory, type Provider } from "./lib/databases";
import { loadAverage, startSimulator } from "./lib/processes";
import { fmt, markdownTable, median } from "./lib/stats";
import { CONCURRENCY, hourlyBenchmark, LATENCY_MS, type HourlyResult } from "./hourly";
import { stsOnlyBenchmark, type StsOnlyResult } from "./sts-only";
import { fileBenchmark, type FileResult } from "./file";
import { listBenchmark, type ListCase } from "./list";
import { webBenchmark, type WebResult } from "./web";
import { webReport } from "./lib/web-report";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean" },
    full: { type: "boolean" },
    only: { type: "string" },
    providers: { type: "string" },
    runs: { type: "string" },
    practitioners: { type: "string" },
    workers: { type: "string" },
    others: { type: "string" },
    json: { type: "string" },
    "skip-poll": { type: "boolean" },
    port: { type: "string" },
    seconds: { type: "string" },
    concurrency: { type: "string" },
    "count-statements": { type: "boolean" },
    pages: { type: "string" },
    profile: { type: "string" },
    "web-processes": { type: "string" },
    "ratio-rounds": { type: "string" },
  },
});

const full = Boolean(values.full);
const sizes = full
  ? {
      stsUploads: 2000,
      practitioners: 10_000,
      runs: 1,
      listInvoices: 50_000,
      others: { practitioners: 1_000, invoices: 1_000 },
      listIterations: 40,
      fileIterations: 1000,
    }
  : {
      stsUploads: 320,
      practitioners: 24,
      runs: 3,
      listInvoices: 5_000,
      others: undefined as { practitioners: number; invoices: number } | undefined,
      listIterations: 30,
      fileIterations: 300,
    };
const runs = Number(values.runs ?? sizes.runs);
const practitioners = Number(values.practitioners ?? sizes.practitioners);
const only = new Set((values.only ?? "sts,hourly,list,file,web").split(","));
const providers = (values.providers ?? "sqlite,postgresql").split(",") as Provider[];
const workerCounts = new Set((values.workers ?? "1,3").split(",").map(Number));
if (values.others) {
  const [p, n] = values.others.split("x").map(Number);
  sizes.others = { practitioners: p!, invoices: n! };
}

const started = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

function machine() {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}`;
}

async function main() {
  const encryptionKey = randomBytes(32);
  const factory = new DatabaseFactory();
  const sim = await startSimulator();
  // The orchestrator's own calls (bulk-seed check, forcing the simulator's processing) read the same settings as
  // the workers; env() caches on first use, so set them before anything calls it.
  const env = {
    STS_ENVIRONMENT: "simulator",
    STS_SIMULATOR_URL: sim.url,
    STS_TIMEOUT_MS: "30000",
    STS_CONCURRENCY: String(CONCURRENCY),
    PARCELLA_ENCRYPTION_KEY: encryptionKey.toString("base64"),
    WORKER_ENABLED: "false",
  };
  Object.assign(process.env, env);
  log(
    `${full ? "full" : "quick"} benchmark on ${machine()}; load average ${loadAverage()}; simulator ${sim.url} (pid ${sim.pid})`,
  );

  const hourly: HourlyResult[] = [];
  const lists: ListCase[] = [];
  const webs: WebResult[] = [];
  let file: FileResult | null = null;
  const stsOnly: StsOnlyResult[] = [];
  let onShutdown = false;
  const cleanup = async () => {
    if (onShutdown) return;
    onShutdown = true;
    await sim.stop();
    await factory.dropAll();
  };
  process.once("SIGINT", () => void cleanup().then(() => process.exit(130)));
  process.once("SIGTERM", () => void cleanup().then(() => process.exit(143)));
  try {
    if (only.has("sts")) {
      for (let run = 1; run <= runs; run++)
        stsOnly.push(await stsOnlyBenchmark({ sim, uploads: sizes.stsUploads, log }));
    }
    if (only.has("file")) file = await fileBenchmark({ factory, iterations: sizes.fileIterations, encryptionKey, log });
    if (only.has("hourly")) {
      const configs: { provider: Provider; workers: number }[] = [];
      if (providers.includes("postgresql"))
        configs.push({ provider: "postgresql", workers: 1 }, { provider: "postgresql", workers: 3 });
      if (providers.includes("sqlite")) configs.push({ provider: "sqlite", workers: 1 });
      for (let run = 1; run <= runs; run++) {
        for (const config of configs) {
          // Quick mode: the 3-worker exactly-once check runs once; the timed configurations run `runs` times.
          if (!full && config.workers > 1 && run > 1) continue;
          if (!workerCounts.has(config.workers)) continue;
          log(
            `hourly run: ${config.provider}, ${config.workers} worker(s), ${practitioners} practitioners × 25, run ${run}/${runs}`,
          );
          hourly.push(
            await hourlyBenchmark({
              ...config,
              factory,
              run,
              practitioners,
              sim,
              encryptionKey,
              env,
              poll: !values["skip-poll"],
              verify: run === 1 && config.workers === 1,
              log,
            }),
          );
        }
      }
    }
    if (only.has("list")) {
      for (const provider of providers) {
        lists.push(
          ...(await listBenchmark({
            factory,
            provider,
            invoices: sizes.listInvoices,
            iterations: sizes.listIterations,
            encryptionKey,
            log,
          })),
        );
        if (provider === "postgresql" && sizes.others) {
          lists.push(
            ...(await listBenchmark({
              factory,
              provider,
              invoices: sizes.listInvoices,
              others: sizes.others,
              iterations: sizes.listIterations,
              encryptionKey,
              log,
            })),
          );
        }
      }
    }
    if (only.has("web")) {
      for (const provider of providers) {
        log(`web: ${provider}, 5,000 invoices, 300 patients`);
        webs.push(
          await webBenchmark({
            factory,
            provider,
            sim,
            encryptionKey,
            port: Number(values.port ?? 3250),
            seconds: Number(values.seconds ?? (full ? 10 : 5)),
            concurrencies: (values.concurrency ?? "1,20").split(",").map(Number),
            invoices: 5_000,
            patients: 300,
            countStatements: values["count-statements"],
            pages: values.pages?.split(","),
            profileDir: values.profile,
            webProcesses: Number(values["web-processes"] ?? 1),
            ratioRounds: Number(values["ratio-rounds"] ?? 0),
            log,
          }),
        );
      }
    }
  } finally {
    await cleanup();
  }
  report({ stsOnly, hourly, lists, file, webs });
}

function report({
  stsOnly,
  hourly,
  lists,
  file,
  webs,
}: {
  stsOnly: StsOnlyResult[];
  hourly: HourlyResult[];
  lists: ListCase[];
  file: FileResult | null;
  webs: WebResult[];
}) {
  const out: string[] = [
    `\n## Results (${full ? "full" : "quick"}, ${new Date().toISOString()}, ${machine()}, load average at end ${loadAverage()})\n`,
  ];
  if (stsOnly.length) {
    out.push(
      `### 0. STS client ↔ simulator alone (${stsOnly[0]!.uploads} uploads, ${LATENCY_MS} ms, ${CONCURRENCY} in flight, no database); medians\n`,
    );
    out.push(
      markdownTable(
        [
          "runs",
          "wall s",
          "ideal s",
          "ideal/wall",
          "call ms p50",
          "client CPU ms/upload",
          "simulator CPU ms/upload",
          "peak in flight",
          "machine busy %",
        ],
        [
          [
            stsOnly.length,
            fmt(median(stsOnly.map((r) => r.wallSeconds))),
            fmt(stsOnly[0]!.idealSeconds),
            fmt(median(stsOnly.map((r) => r.ratio)), 2),
            fmt(median(stsOnly.map((r) => r.callMsP50)), 0),
            fmt(median(stsOnly.map((r) => r.clientCpuMsPerUpload))),
            fmt(median(stsOnly.map((r) => r.simulatorCpuMsPerUpload))),
            Math.max(...stsOnly.map((r) => r.peakInFlight)),
            fmt(median(stsOnly.map((r) => r.machineBusyPct)), 0),
          ],
        ],
      ),
    );
    out.push("");
  }
  if (hourly.length) {
    const groups = new Map<string, HourlyResult[]>();
    for (const r of hourly)
      groups.set(`${r.provider}|${r.workers}`, [...(groups.get(`${r.provider}|${r.workers}`) ?? []), r]);
    out.push(
      `### 1. Hourly run (${practitioners} practitioners × 25, ${LATENCY_MS} ms per upload, concurrency ${CONCURRENCY}); medians of the runs\n`,
    );
    out.push(
      markdownTable(
        [
          "database",
          "workers",
          "runs",
          "batches",
          "wall s",
          "ideal s",
          "ideal/wall",
          "docs/s",
          "worker CPU ms/batch",
          "of which system",
          "steady worker CPU ms/batch",
          "this database's CPU ms/batch (steady)",
          "upload call ms p50",
          "peak in flight",
          "rows seq-scanned per batch",
          "simulator CPU s",
          "database CPU s (all PostgreSQL)",
          "machine busy %",
          "peak RSS MB",
          "exactly once",
          "seed s",
        ],
        [...groups.values()].map((g) => [
          g[0]!.provider,
          g[0]!.workers,
          g.length,
          g[0]!.batches,
          fmt(median(g.map((r) => r.wallSeconds))),
          fmt(g[0]!.idealSeconds),
          fmt(median(g.map((r) => r.ratio)), 2),
          fmt(median(g.map((r) => r.docsPerSecond)), 0),
          fmt(median(g.map((r) => r.workerCpuMsPerBatch))),
          fmt(median(g.map((r) => r.workerSystemCpuMsPerBatch))),
          fmt(median(g.map((r) => r.steadyWorkerCpuMsPerBatch))),
          `${fmt(median(g.map((r) => r.ownDatabaseCpuMsPerBatch)))} (${fmt(median(g.map((r) => r.steadyDatabaseCpuMsPerBatch)))})`,
          fmt(median(g.map((r) => r.uploadMsP50)), 0),
          Math.max(...g.map((r) => r.peakInFlight)),
          fmt(median(g.map((r) => r.seqRowsPerBatch)), 0),
          fmt(median(g.map((r) => r.simulatorCpuSeconds))),
          fmt(median(g.map((r) => r.databaseCpuSeconds))),
          fmt(median(g.map((r) => r.machineBusyPct)), 0),
          fmt(Math.max(...g.map((r) => r.peakRssMb)), 0),
          g.every((r) => r.exactlyOnce) ? "yes" : "NO",
          fmt(median(g.map((r) => r.seedSeconds))),
        ]),
      ),
    );
    const polls = hourly.filter((r) => r.poll);
    if (polls.length) {
      const byProvider = new Map<string, HourlyResult[]>();
      for (const r of polls)
        byProvider.set(`${r.provider}|${r.workers}`, [...(byProvider.get(`${r.provider}|${r.workers}`) ?? []), r]);
      out.push(
        `\n### 2. Outcome polling (${LATENCY_MS} ms per STS call, concurrency ${CONCURRENCY}, after the simulator processed every file); medians\n`,
      );
      out.push(
        markdownTable(
          [
            "database",
            "workers",
            "runs",
            "submissions",
            "STS calls",
            "wall s",
            "ideal s",
            "ideal/wall",
            "worker CPU ms/submission",
            "of which system",
            "peak in flight",
            "rows seq-scanned per submission",
            "simulator CPU s",
            "database CPU s",
            "machine busy %",
            "peak RSS MB",
            "all resolved, accepted once",
            "simulator processing s",
          ],
          [...byProvider.values()].map((g) => {
            const p = g.map((r) => r.poll!);
            return [
              g[0]!.provider,
              g[0]!.workers,
              g.length,
              p[0]!.submissions,
              p[0]!.stsCalls,
              fmt(median(p.map((x) => x.wallSeconds))),
              fmt(median(p.map((x) => x.idealSeconds))),
              fmt(median(p.map((x) => x.ratio)), 2),
              fmt(median(p.map((x) => x.workerCpuMsPerSubmission))),
              fmt(median(p.map((x) => x.workerSystemCpuMsPerSubmission))),
              Math.max(...p.map((x) => x.peakInFlight)),
              fmt(median(p.map((x) => x.seqRowsPerSubmission)), 0),
              fmt(median(p.map((x) => x.simulatorCpuSeconds))),
              fmt(median(p.map((x) => x.databaseCpuSeconds))),
              fmt(median(p.map((x) => x.machineBusyPct)), 0),
              fmt(Math.max(...p.map((x) => x.peakRssMb)), 0),
              p.every((x) => x.allResolved && x.acceptedOnce) ? "yes" : "NO",
              fmt(median(p.map((x) => x.processingSeconds))),
            ];
          }),
        ),
      );
    }
  }
  if (lists.length) {
    out.push(`\n### 3. Invoice list (ms; page = findInvoicePage + invoiceYears as the page awaits them)\n`);
    out.push(
      markdownTable(
        [
          "database",
          "dataset",
          "page",
          "matching",
          "page p50",
          "page p95",
          "findInvoicePage p50",
          "p95",
          "raw SQL p50",
          "p95",
          "ratio p50",
        ],
        lists.map((c) => [
          c.provider,
          c.dataset,
          c.page,
          c.total,
          fmt(c.pageP50),
          fmt(c.pageP95),
          fmt(c.dataP50),
          fmt(c.dataP95),
          fmt(c.rawP50),
          fmt(c.rawP95),
          fmt(c.ratio, 2),
        ]),
      ),
    );
  }
  if (file) {
    out.push(`\n### 4. One batch file (25 documents)\n`);
    out.push(
      markdownTable(
        ["iterations", "median ms", "p95 ms", "26 encryptions median ms", "ZIP bytes"],
        [[file.iterations, fmt(file.p50, 2), fmt(file.p95, 2), fmt(file.encryptP50, 2), file.zipBytes]],
      ),
    );
  }
  if (webs.length) out.push(webReport(webs));
  const text = out.join("\n");
  console.log(text);
  const path = values.json ?? join(tmpdir(), `parcella-bench-${full ? "full" : "quick"}-${Date.now()}.json`);
  writeFileSync(
    path,
    JSON.stringify({ full, practitioners, runs, machine: machine(), stsOnly, hourly, lists, file, webs }, null, 2),
  );
  log(`done; raw results in ${path}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
