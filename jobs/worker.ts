// The worker process: applies migrations (unless the launcher already did), then triggers the schedules.
// node-cron only triggers; all state lives in the database, so several workers can run side by side.
import { hostname } from "node:os";
import cron from "node-cron";
import { migrate } from "../scripts/db.mjs";
import { env } from "../lib/env";
import { db } from "../lib/db";
import { stsInstallationNotice } from "../lib/services/sts/sts-installation-notice";
import { recordJobRun } from "../lib/data/job-runs";
import { beat, forgetOldHeartbeats } from "../lib/data/worker-heartbeats";
import { appVersion } from "../lib/services/installation/app-version";
import { schedules, type Schedule } from "./schedules";

export const TIMEZONE = "Europe/Rome";
const workerId = `${hostname()}:${process.pid}`;
const log = (line: string) => console.log(`[worker] ${line}`);

// The slot a tick belongs to: its scheduled minute, so a slow start still counts for the right hour.
export function slotOf(date: Date): Date {
  const slot = new Date(date);
  slot.setUTCSeconds(0, 0);
  return slot;
}

async function runSchedule(schedule: Schedule, date: Date) {
  const startedAt = new Date();
  let outcome: { ok: boolean; summary: string };
  try {
    const result = await schedule.run({ slot: slotOf(date), workerId, log });
    if (schedule.name !== "sts-outcomes" || (result as { due?: number })?.due)
      log(`${schedule.name}: ${JSON.stringify(result)}`);
    outcome = { ok: true, summary: JSON.stringify(result ?? null) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`${schedule.name} failed: ${message}`);
    outcome = { ok: false, summary: JSON.stringify({ error: message }) };
  }
  if (schedule.record) {
    await recordJobRun(db(), { name: schedule.name, startedAt, finishedAt: new Date(), ...outcome }).catch(
      (error: unknown) => log(`${schedule.name}: run not recorded (${String(error)})`),
    );
  }
}

function start(schedule: Schedule) {
  return cron.schedule(schedule.cron, (context) => runSchedule(schedule, context.date), {
    name: schedule.name,
    timezone: schedule.timezone ?? TIMEZONE,
    noOverlap: true,
  });
}

// The administrator's view of the encryption certificate (expiring, expired, refused with 002): at start and daily.
async function logCertificateNotice() {
  try {
    const notice = await stsInstallationNotice(db(), new Date());
    if (notice) log(`${notice.title}. ${notice.text}`);
  } catch (error) {
    log(`certificate check failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

// Liveness for the status page: a beat every 30 s; a worker that stops beating turns the page red.
export const HEARTBEAT_INTERVAL_MS = 30_000;
const startedAt = new Date();

async function heartbeat() {
  try {
    const now = new Date();
    await beat(db(), { workerId, hostname: hostname(), pid: process.pid, version: appVersion(), startedAt }, now);
    await forgetOldHeartbeats(db(), new Date(now.getTime() - 7 * 24 * 60 * 60_000));
  } catch (error) {
    log(`heartbeat not written: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function main() {
  const e = env();
  if (!process.argv.includes("--skip-migrate")) migrate(e.DATABASE_URL);
  void logCertificateNotice();
  void heartbeat();
  const beating = setInterval(() => void heartbeat(), HEARTBEAT_INTERVAL_MS);
  const daily = setInterval(() => void logCertificateNotice(), 24 * 60 * 60_000);
  const tasks = schedules.map(start);
  // A new installation, or a computer switched on after a night off, gets its due backup now, not at minute 40.
  const backup = schedules.find((schedule) => schedule.name === "backup");
  if (backup) void runSchedule(backup, new Date());
  log(
    `${workerId} started with ${tasks.length} schedules (${TIMEZONE}): ${schedules.map((s) => `${s.name} "${s.cron}"`).join(", ")}`,
  );
  const keepAlive = setInterval(() => {}, 60_000);
  const stop = () => {
    clearInterval(keepAlive);
    clearInterval(daily);
    clearInterval(beating);
    for (const task of tasks) void task.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (process.argv[1] && /worker\.ts$/.test(process.argv[1])) main();
