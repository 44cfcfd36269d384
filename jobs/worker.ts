// The worker process: applies migrations (unless the launcher already did), then triggers the schedules.
// node-cron only triggers; all state lives in the database, so several workers can run side by side.
import { hostname } from "node:os";
import cron from "node-cron";
import { migrate } from "../scripts/db.mjs";
import { env } from "../lib/env";
import { db } from "../lib/db";
import { stsInstallationNotice } from "../lib/services/sts/sts-installation-notice";
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

function start(schedule: Schedule) {
  return cron.schedule(
    schedule.cron,
    async (context) => {
      try {
        const result = await schedule.run({ slot: slotOf(context.date), workerId, log });
        if (schedule.name !== "sts-outcomes" || (result as { due?: number })?.due)
          log(`${schedule.name}: ${JSON.stringify(result)}`);
      } catch (error) {
        log(`${schedule.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    { name: schedule.name, timezone: schedule.timezone ?? TIMEZONE, noOverlap: true },
  );
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

function main() {
  const e = env();
  if (!process.argv.includes("--skip-migrate")) migrate(e.DATABASE_URL);
  void logCertificateNotice();
  const daily = setInterval(() => void logCertificateNotice(), 24 * 60 * 60_000);
  const tasks = schedules.map(start);
  log(
    `${workerId} started with ${tasks.length} schedules (${TIMEZONE}): ${schedules.map((s) => `${s.name} "${s.cron}"`).join(", ")}`,
  );
  const keepAlive = setInterval(() => {}, 60_000);
  const stop = () => {
    clearInterval(keepAlive);
    clearInterval(daily);
    for (const task of tasks) void task.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (process.argv[1] && /worker\.ts$/.test(process.argv[1])) main();
