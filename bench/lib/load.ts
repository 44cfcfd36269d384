// A bounded HTTP load generator for the web benchmark: `concurrency` clients, each sending its next request as soon
// as the previous answer has been read completely (a closed loop: never more than `concurrency` requests in flight),
// over kept-alive connections, for a fixed time and at most a fixed number of requests. Every answer's status is
// checked: one unexpected answer (an error page, a redirect to the login) stops the benchmark.
import http from "node:http";
import { readdirSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { quantile } from "./stats";

const CLOCK_TICKS = 100; // USER_HZ on Linux

/** user + system CPU seconds of a process and of every live descendant (and the children they reaped). */
export function processTreeCpuSeconds(rootPid: number): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks });
    } catch {
      // the process ended while listing
    }
  }
  let ticks = 0;
  const inTree = (pid: number): boolean => {
    for (let p = pid, depth = 0; p > 1 && depth < 50; depth++) {
      if (p === rootPid) return true;
      p = stats.get(p)?.ppid ?? 0;
    }
    return false;
  };
  for (const [pid, s] of stats) if (inTree(pid)) ticks += s.ticks;
  return ticks / CLOCK_TICKS;
}

export type Answer = {
  status: number;
  location: string | null;
  contentType: string;
  wireBytes: number;
  body: Buffer;
  ms: number;
};

/** One request; the body is kept only when `keepBody` (the load loop only counts bytes). */
export function request(
  agent: http.Agent,
  url: URL,
  headers: Record<string, string>,
  keepBody = false,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const req = http.request(url, { agent, method: "GET", headers }, (res) => {
      const chunks: Buffer[] = [];
      let wireBytes = 0;
      res.on("data", (chunk: Buffer) => {
        wireBytes += chunk.length;
        if (keepBody) chunks.push(chunk);
      });
      res.on("end", () => {
        let body = Buffer.concat(chunks);
        if (keepBody && res.headers["content-encoding"] === "gzip") body = gunzipSync(body);
        resolve({
          status: res.statusCode ?? 0,
          location: (res.headers.location as string | undefined) ?? null,
          contentType: res.headers["content-type"] ?? "",
          wireBytes,
          body,
          ms: performance.now() - start,
        });
      });
      res.on("error", reject);
    });
    req.setTimeout(60_000, () => req.destroy(new Error(`no answer in 60 s: ${url.pathname}`))); // a hang guard
    req.on("error", reject);
    req.end();
  });
}

export type LoadTarget = {
  name: string;
  path: string;
  /** The status every answer must have (200 for a page, the redirect's 3xx for the cheapest response). */
  status: number;
};

export type LoadPhase = {
  target: string;
  path: string;
  concurrency: number;
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Web server CPU (the process tree of `next start`, SQLite included) per request, ms. */
  serverCpuMs: number;
  /** PostgreSQL's processes' CPU per request, ms (NaN when the database runs inside the server: SQLite). */
  databaseCpuMs: number;
  /** The load generator's own CPU per request, ms (it shares the machine). */
  clientCpuMs: number;
  /** Machine-wide CPU utilisation during the phase (/proc/stat), %. */
  machineBusyPct: number;
  wireBytesPerRequest: number;
};

function machineJiffies() {
  const v = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = v.reduce((a, b) => a + b, 0);
  return { busy: total - v[3]! - (v[4] ?? 0), total };
}

/** Warm-up requests (not counted), then the timed phase: `seconds` long, at most `maxRequests`. */
export async function runPhase(options: {
  base: string;
  headers: Record<string, string>;
  target: LoadTarget;
  concurrency: number;
  seconds: number;
  maxRequests: number;
  warmup: number;
  serverPid: number;
  /** CPU seconds of the database's own processes so far (PostgreSQL), read before and after the phase. */
  databaseCpuSeconds?: () => number;
  /** Called between the warm-up and the timed part. */
  beforeTimed?: () => Promise<void>;
}): Promise<LoadPhase> {
  const { target, concurrency } = options;
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const url = new URL(target.path, options.base);
  const check = (answer: Answer) => {
    if (answer.status !== target.status)
      throw new Error(`${target.name} (${target.path}) answered ${answer.status}, expected ${target.status}`);
  };
  try {
    // Warm-up at the phase's concurrency, so the connections are open and the server's caches as they will be.
    let warm = options.warmup;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (warm-- > 0) check(await request(agent, url, options.headers));
      }),
    );
    const latencies: number[] = [];
    let bytes = 0;
    let sent = 0;
    await options.beforeTimed?.();
    const cpu0 = processTreeCpuSeconds(options.serverPid);
    const db0 = options.databaseCpuSeconds?.() ?? NaN;
    const client0 = process.cpuUsage();
    const m0 = machineJiffies();
    const start = performance.now();
    const end = start + options.seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < end && sent < options.maxRequests) {
          sent++;
          const answer = await request(agent, url, options.headers);
          check(answer);
          latencies.push(answer.ms);
          bytes += answer.wireBytes;
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    const m1 = machineJiffies();
    const client = process.cpuUsage(client0);
    const serverCpu = processTreeCpuSeconds(options.serverPid) - cpu0;
    const databaseCpu = (options.databaseCpuSeconds?.() ?? NaN) - db0;
    const n = latencies.length;
    return {
      target: target.name,
      path: target.path,
      concurrency,
      requests: n,
      seconds,
      perSecond: n / seconds,
      p50: quantile(latencies, 0.5),
      p95: quantile(latencies, 0.95),
      p99: quantile(latencies, 0.99),
      serverCpuMs: (serverCpu * 1000) / n,
      databaseCpuMs: (databaseCpu * 1000) / n,
      clientCpuMs: (client.user + client.system) / 1000 / n,
      machineBusyPct: (100 * (m1.busy - m0.busy)) / (m1.total - m0.total),
      wireBytesPerRequest: bytes / n,
    };
  } finally {
    agent.destroy();
  }
}
