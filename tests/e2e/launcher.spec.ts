import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { get as httpGet } from "node:http";
import { get } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import type { LauncherStatus } from "../../lib/supervision";
import { makePrivateCa } from "../certificates";

// A second Parcella started like `npm start` (the run's build, its own data folder and free ports): the launcher
// under test, which this file may kill parts of without touching the run's server. It runs two web processes on its
// port (WEB_PROCESSES=2, scripts/web-cluster.ts); the run's own server runs the default one, so both ways are used.
const root = join(__dirname, "../..");
const tsx = join(root, "node_modules/tsx/dist/cli.mjs");

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The processes `pid` started (Linux: /proc). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** One GET on a connection of its own (no keep-alive: a new connection may go to either web process). */
function statusOf(url: string): Promise<number> {
  return new Promise((resolve) => {
    httpGet(url, { agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    }).on("error", () => resolve(0));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test.describe.configure({ mode: "serial" });

let launcher: ChildProcess;
let output = "";
let dataDir: string;
let port: number;
let env: NodeJS.ProcessEnv;
let tlsPort: number;
let caPem: string;

const status = (): LauncherStatus => JSON.parse(readFileSync(join(dataDir, "launcher-status.json"), "utf8"));

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "parcella-launcher-"));
  port = await freePort();
  const simulatorPort = await freePort();
  // Built-in HTTPS with a certificate from a private CA made here, as a user would bring their own.
  tlsPort = await freePort();
  const ca = makePrivateCa();
  caPem = ca.caPem;
  writeFileSync(join(dataDir, "tls-cert.pem"), ca.serverCertPem);
  writeFileSync(join(dataDir, "tls-key.pem"), ca.serverKeyPem);
  env = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    HOST: "",
    STS_ENVIRONMENT: "simulator",
    STS_SIMULATOR_PORT: String(simulatorPort),
    STS_SIMULATOR_URL: `http://127.0.0.1:${simulatorPort}`,
    NEXT_TELEMETRY_DISABLED: "1",
    TLS_CERT_FILE: join(dataDir, "tls-cert.pem"),
    TLS_KEY_FILE: join(dataDir, "tls-key.pem"),
    TLS_PORT: String(tlsPort),
    WEB_PROCESSES: "2",
  };
  delete env.HOST;
  launcher = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { cwd: root, env });
  launcher.stdout!.on("data", (d) => (output += d));
  launcher.stderr!.on("data", (d) => (output += d));
  await expect
    .poll(async () => (await fetch(`http://127.0.0.1:${port}/login`).catch(() => null))?.status, { timeout: 110_000 })
    .toBe(200);
  await expect.poll(() => output, { timeout: 60_000 }).toMatch(/\[worker\] .* started with/);
});

test.afterAll(async () => {
  // After a failed test the launcher may still run: stop it the polite way first, so it stops its children too
  // (SIGKILL alone would leave them running).
  if (launcher.exitCode === null && launcher.signalCode === null) {
    const exited = new Promise((resolve) => launcher.once("exit", resolve));
    launcher.kill("SIGINT");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    if (launcher.exitCode === null && launcher.signalCode === null) launcher.kill("SIGKILL");
  }
  rmSync(dataDir, { recursive: true, force: true });
});

test("listens on 127.0.0.1 only by default", async () => {
  expect(output).toContain(`Parcella: http://localhost:${port}`);
  expect(output).not.toContain("plain HTTP");
  // Only the loopback address answers: the launcher passed --hostname 127.0.0.1 to the web app.
  const lan = Object.values((await import("node:os")).networkInterfaces())
    .flat()
    .find((a) => a && a.family === "IPv4" && !a.internal);
  test.skip(!lan, "no non-loopback address on this machine");
  const refused = await fetch(`http://${lan!.address}:${port}/login`).then(
    () => false,
    () => true,
  );
  expect(refused).toBe(true);
});

test("serves HTTPS with the certificate provided, telling the app the browser is on HTTPS", async () => {
  const answer = await new Promise<{ status: number; body: string; cookies: string[] }>((resolve, reject) => {
    get({ host: "127.0.0.1", servername: "localhost", port: tlsPort, path: "/api/auth/csrf", ca: caPem }, (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, cookies: res.headers["set-cookie"] ?? [] }));
    }).on("error", reject);
  });
  expect(answer.status).toBe(200);
  expect(JSON.parse(answer.body).csrfToken).toMatch(/\w+/);
  // The auth library saw HTTPS: its cookies are Secure (and carry the __Host-/__Secure- prefixes).
  expect(answer.cookies.length).toBeGreaterThan(0);
  for (const cookie of answer.cookies) expect(cookie).toMatch(/^__(Host|Secure)-.*; Secure/i);
  // An unknown authority is refused: the phone must trust the certificate, nothing is sent in the clear.
  const refused = await new Promise<boolean>((resolve) =>
    get({ host: "127.0.0.1", port: tlsPort, path: "/login" }, () => resolve(false)).on("error", () => resolve(true)),
  );
  expect(refused).toBe(true);
  expect(output).toContain(`Parcella: https://localhost:${tlsPort}`);
});

test("npm run job -- sts-outcomes succeeds while Parcella runs on SQLite", async () => {
  const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    execFile(process.execPath, [tsx, "jobs/run-job.ts", "sts-outcomes"], { cwd: root, env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
  expect(result.stderr).not.toMatch(/SocketTimeout/);
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/"due":0/);
});

test("a killed worker is back within 10 s and the web app never stops answering", async () => {
  const before = status().processes.worker.pid!;
  const webPid = status().processes.web.pid!;
  const startedLines = output.match(/\[worker\] .* started with/g)!.length;
  const killedAt = Date.now();
  process.kill(before, "SIGKILL");

  let answers = 0;
  let failures = 0;
  let respawnedAfterMs: number | null = null;
  let runningAfterMs: number | null = null;
  // Guard, not a speed check: on a loaded machine the new worker's own start (compiling its TypeScript) is slow.
  while (runningAfterMs === null && Date.now() - killedAt < 90_000) {
    const res = await fetch(`http://127.0.0.1:${port}/login`).catch(() => null);
    if (res?.status === 200) answers += 1;
    else failures += 1;
    const now = status().processes.worker;
    if (respawnedAfterMs === null && now.pid && now.pid !== before && alive(now.pid))
      respawnedAfterMs = Date.now() - killedAt;
    if (output.match(/\[worker\] .* started with/g)!.length > startedLines) runningAfterMs = Date.now() - killedAt;
    await new Promise((r) => setTimeout(r, 100));
  }
  console.log(
    `worker process back after ${respawnedAfterMs} ms, its schedules running after ${runningAfterMs} ms; web answered ${answers} times, failed ${failures}`,
  );
  expect(output).toMatch(/worker stopped unexpectedly \(SIGKILL\): restarting in 1 s/);
  expect(failures).toBe(0);
  expect(respawnedAfterMs).not.toBeNull();
  expect(respawnedAfterMs!).toBeLessThan(10_000);
  expect(runningAfterMs).not.toBeNull();
  expect(status().processes.web.pid).toBe(webPid);
  expect(status().processes.worker.restarts).toBe(1);
});

test("two web processes share the port; a killed one is replaced while the other answers", async () => {
  const primary = status().processes.web.pid!;
  expect(output).toContain(`web: 2 processes on port ${port}`);
  const before = childrenOf(primary);
  expect(before).toHaveLength(2);
  // Both serve: after a round of requests, each has answered some (the primary hands connections out in turn).
  const cpuOf = (pid: number) => {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return Number(fields[11]) + Number(fields[12]);
  };
  const cpu0 = before.map(cpuOf);
  for (let i = 0; i < 40; i++) expect(await statusOf(`http://127.0.0.1:${port}/login`)).toBe(200);
  const cpu1 = before.map(cpuOf);
  expect(cpu1.every((ticks, i) => ticks > cpu0[i]!)).toBe(true);

  process.kill(before[0]!, "SIGKILL");
  // From the moment the primary knows (its log line), every new connection goes to a living process.
  const stopped = new RegExp(`web process ${before[0]} stopped \\(SIGKILL\\): restarting in 1 s`);
  await expect.poll(() => output, { timeout: 10_000 }).toMatch(stopped);
  let failures = 0;
  let answers = 0;
  const killedAt = Date.now();
  // Guard, not a speed check: the new process starts Next (seconds on a loaded machine).
  while (Date.now() - killedAt < 60_000) {
    if ((await statusOf(`http://127.0.0.1:${port}/login`)) === 200) answers += 1;
    else failures += 1;
    const now = childrenOf(primary);
    if (now.length === 2 && !now.includes(before[0]!) && answers >= 20) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const after = childrenOf(primary);
  console.log(
    `web process replaced: ${before.join(", ")} → ${after.join(", ")}; ${answers} answers, ${failures} failures`,
  );
  expect(failures).toBe(0);
  expect(after).toHaveLength(2);
  expect(after).toContain(before[1]);
  expect(after).not.toContain(before[0]);
  // The launcher's own record is unchanged: the cluster replaced its child itself.
  expect(status().processes.web.pid).toBe(primary);
  expect(status().processes.web.restarts).toBe(0);
});

test("Ctrl-C stops every process", async () => {
  const launched = Object.values(status().processes).map((p) => p.pid!);
  const pids = [...launched, ...childrenOf(status().processes.web.pid!)];
  expect(pids.length).toBe(launched.length + 2);
  expect(pids.every(alive)).toBe(true);
  const exited = new Promise<number | null>((resolve) => launcher.on("exit", (code) => resolve(code)));
  launcher.kill("SIGINT");
  // The launcher stops its children and exits with 0 (it runs under `node --import tsx`, as `npm start` runs it: no
  // tsx parent process that could kill it before it has stopped them, scripts/start.ts).
  expect(await exited).toBe(0);
  await expect.poll(() => pids.filter(alive), { timeout: 15_000 }).toEqual([]);
});
