// The worker process: applies migrations (unless the launcher already did), then triggers the schedules.
// node-cron only triggers; all state lives in the database, so several workers can run side by side.
import cron from "node-cron";
import { migrate } from "../scripts/db.mjs";
import { env } from "../lib/env";
import { schedules } from "./schedules";

const TIMEZONE = "Europe/Rome";

function main() {
  const e = env();
  if (!process.argv.includes("--skip-migrate")) migrate(e.DATABASE_URL);
  const tasks = schedules.map((schedule) =>
    cron.schedule(
      schedule.cron,
      async (context) => {
        try {
          await schedule.run({ slot: context.date });
        } catch (error) {
          console.error(`[worker] ${schedule.name} failed:`, error instanceof Error ? error.message : error);
        }
      },
      { name: schedule.name, timezone: TIMEZONE, noOverlap: true },
    ),
  );
  console.log(`[worker] started with ${tasks.length} schedule(s) (${TIMEZONE})`);
  // Keeps the process alive even with no schedules, and lets Ctrl-C stop it cleanly.
  const keepAlive = setInterval(() => {}, 60_000);
  const stop = () => {
    clearInterval(keepAlive);
    for (const task of tasks) void task.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main();
