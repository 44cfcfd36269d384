// Runs one scheduled job immediately, for tests and support: `npm run job -- sts-automatic-sending`.
import { hostname } from "node:os";
import { migrate } from "../scripts/db.mjs";
import { env } from "../lib/env";
import { findSchedule, schedules } from "./schedules";
import { slotOf } from "./worker";

async function main() {
  const name = process.argv[2];
  const schedule = name ? findSchedule(name) : undefined;
  if (!schedule) {
    console.error(`usage: npm run job -- <${schedules.map((s) => s.name).join(" | ")}>`);
    process.exit(2);
  }
  migrate(env().DATABASE_URL);
  const result = await schedule.run({
    slot: slotOf(new Date()),
    workerId: `${hostname()}:${process.pid}:manual`,
    log: (line) => console.log(line),
  });
  console.log(JSON.stringify(result));
  process.exit(0);
}

void main();
