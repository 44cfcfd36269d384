// Benchmark 5: the web under concurrent use (issue #24). The production build (`next build`, made only when missing
// or older than the sources) is started the way `npm start` starts it (`next start`, the worker off) on a database
// holding one practitioner with a realistic history — 5,000 issued invoices over 2022–2026, 300 patients, and real
// STS submissions made by the worker's own code against the simulator — and a bounded load generator
// (bench/lib/load.ts) requests the main pages, logged in, at each concurrency, each beside the cheapest
// authenticated response of the same server (GET /login while logged in: a redirect) measured in the same run.
// Reported per page: req/s, p50/p95/p99, the web process's CPU per request (/proc, SQLite included), HTML and RSC bytes.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb } from "../lib/db";
import { migrate } from "../scripts/db.mjs";
import type { DatabaseFactory, Provider } from "./lib/databases";
import { request, runPhase, type LoadPhase, type LoadTarget } from "./lib/load";
import { loadAverage, processesCpuSeconds, simulatorAdmin, stopProcess, type Simulator } from "./lib/processes";
import { fmt } from "./lib/stats";
import { webServerArgs } from "../scripts/web-command";
import { ensureBuild, login, seedAccount, sizesOf, takeStatements, type WebSizes } from "./lib/web-setup";

const ROOT = join(__dirname, "..");

export type { WebSizes };

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
  webProcesses: number;
  seedSeconds: number;
  buildSeconds: number;
  loadBefore: string;
  loadAfter: string;
  phases: LoadPhase[];
  sizes: Record<string, WebSizes>;
  statements: StatementCount[];
  /** With --ratio-rounds: each page and the cheapest response in back-to-back phases, round after round. */
  pairs: RatioPair[];
};

/**
 * One round of a page beside the cheapest response, at the highest concurrency, the two phases back to back (their
 * order alternating from round to round): the machine's speed drifts by a third within minutes on a shared host,
 * and a ratio of two phases minutes apart carries that drift; one of two adjacent phases much less.
 */
export type RatioPair = {
  target: string;
  concurrency: number;
  round: number;
  cheapest: LoadPhase;
  page: LoadPhase;
};

type WebOptions = {
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
  /** Server processes sharing the port (scripts/web-cluster.ts, as WEB_PROCESSES does for `npm start`). */
  webProcesses?: number;
  /** Only these pages (home, list, filtered, detail, patient, log); all by default. */
  pages?: string[];
  /** A folder: write a CPU profile of the server for each timed phase there (`<page>-c<clients>.cpuprofile`). */
  profileDir?: string;
  /** SQLite only: count the statements the server runs per request (adds a little time to each). */
  countStatements?: boolean;
  /** After the table: this many rounds of each page beside the cheapest response (RatioPair); none by default. */
  ratioRounds?: number;
  log: (line: string) => void;
};

const STOP_EVENTS = ["exit", "SIGINT", "SIGTERM"] as const;

/** Runs the web benchmark in a temporary data folder, removed at the end whatever happens. */
export async function webBenchmark(options: WebOptions): Promise<WebResult> {
  const dataDir = mkdtempSync(join(tmpdir(), "parcella-bench-web-"));
  try {
    return await measureWeb(options, dataDir);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measureWeb(options: WebOptions, dataDir: string): Promise<WebResult> {
  const { provider, log, port } = options;
  const base = `http://127.0.0.1:${port}`;
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
  const account = await seedAccount(db, options)
    .then(async (seeded) => {
      // A running PostgreSQL keeps each table's visibility map through autovacuum (on by default; the benchmarks'
      // server may run without it), and index-only scans depend on it: as a running installation has it.
      if (provider === "postgresql") await db.$executeRawUnsafe("VACUUM ANALYZE");
      return seeded;
    })
    .finally(() => db.$disconnect());
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
  const startArgs = ["start", "--port", String(port), "--hostname", "127.0.0.1"];
  const processes = options.webProcesses ?? 1;
  if (processes > 1 && (nodeArgs.length > 0 || counting))
    throw new Error("--web-processes: without profiling or counting");
  // Several processes: the cluster primary of `npm start` (its children are counted in the server's CPU).
  const args =
    processes > 1 ? webServerArgs(ROOT, processes, startArgs) : [...nodeArgs, ...webServerArgs(ROOT, 1, startArgs)];
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
  // The server goes when the benchmark goes, at once on a signal (run.ts's clean-up then takes its time, and tsx's
  // command line may kill it before it ends): a cluster primary left behind kept the port and answered the next
  // run's login from a deleted data folder.
  const stopServer = () => void server.kill("SIGTERM");
  for (const event of STOP_EVENTS) process.once(event, stopServer);
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
    // A round of every target before any timed phase, not counted: the first timed phase (the cheapest response's)
    // otherwise paid for the server's just-in-time compilation, the others having had it (132 against 208 req/s for
    // the same response before and after the pages, in one run).
    const highest = Math.max(...options.concurrencies);
    for (const target of [cheapest, ...pages]) {
      await runPhase({
        base,
        headers,
        target,
        concurrency: highest,
        seconds: 2,
        maxRequests: 2_000,
        warmup: 0,
        serverPid: server.pid!,
      });
    }
    const loadBefore = loadAverage();
    log(`  web ${provider}: logged in; load average ${loadBefore}`);
    // One timed phase of a target: its warm-up requests, then `seconds` of load, the server's CPU read around it.
    const timedPhase = (target: LoadTarget, concurrency: number, beforeTimed?: () => Promise<void>) =>
      runPhase({
        base,
        headers,
        target,
        concurrency,
        seconds: options.seconds,
        maxRequests: 20_000,
        warmup: Math.max(10, 2 * concurrency),
        serverPid: server.pid!,
        databaseCpuSeconds: provider === "postgresql" ? () => processesCpuSeconds("postgres") : undefined,
        beforeTimed,
      });
    const phases: LoadPhase[] = [];
    const statements: StatementCount[] = [];
    for (const concurrency of options.concurrencies) {
      // The cheapest response first and last at each concurrency: the pages are compared with its mean.
      for (const target of [cheapest, ...pages, cheapest]) {
        const phase = await timedPhase(
          target,
          concurrency,
          counting
            ? async () => void (await takeStatements(server.pid!, statementsFile))
            : options.profileDir
              ? async () => void process.kill(server.pid!, "SIGUSR2")
              : undefined,
        );
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
    const pairs: RatioPair[] = [];
    const rounds = counting || options.profileDir ? 0 : (options.ratioRounds ?? 0);
    for (let round = 1; round <= rounds; round++) {
      for (const page of pages) {
        const pair: Partial<Record<"cheapest" | "page", LoadPhase>> = {};
        for (const which of round % 2 ? (["cheapest", "page"] as const) : (["page", "cheapest"] as const)) {
          pair[which] = await timedPhase(which === "page" ? page : cheapest, highest);
        }
        pairs.push({ target: page.name, concurrency: highest, round, cheapest: pair.cheapest!, page: pair.page! });
        log(
          `  web c=${highest} round ${round} ${page.name}: ${fmt(pair.page!.perSecond)} req/s beside ${fmt(pair.cheapest!.perSecond)}, ${fmt(pair.page!.perSecond / pair.cheapest!.perSecond, 2)} of the cheapest`,
        );
      }
    }
    return {
      provider,
      invoices: options.invoices,
      patients: options.patients,
      submissions: account.submissions,
      webProcesses: processes,
      seedSeconds,
      buildSeconds,
      loadBefore,
      loadAfter: loadAverage(),
      phases,
      sizes,
      statements,
      pairs,
    };
  } finally {
    for (const event of STOP_EVENTS) process.off(event, stopServer);
    await stopProcess(server);
  }
}
