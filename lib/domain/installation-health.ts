// How the status page judges each part of an installation: green (ok), amber (warn: look soon), red (error: act
// now). Pure: every figure and the current time come in as arguments.

export type HealthLevel = "ok" | "warn" | "error";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The worker beats every 30 s: a few missed beats is a restart; minutes without one means nothing is being sent. */
export function heartbeatLevel(lastBeat: Date | null, now: Date): HealthLevel {
  if (!lastBeat) return "error";
  const age = now.getTime() - lastBeat.getTime();
  if (age <= 2 * MINUTE) return "ok";
  if (age <= 5 * MINUTE) return "warn";
  return "error";
}

/** The hourly sending runs at minute 10: older than two hours means at least one run was missed. */
export function hourlyRunLevel(run: { finishedAt: Date | null; ok: boolean } | null, now: Date): HealthLevel {
  if (!run?.finishedAt) return "warn";
  if (!run.ok) return "error";
  return now.getTime() - run.finishedAt.getTime() <= 2 * HOUR ? "ok" : "warn";
}

/** Backups are daily: a day and a bit is normal, two days is a missed one, three is a problem. */
export function backupLevel(run: { ok: boolean; lastOkAt: Date | null } | null, now: Date): HealthLevel {
  if (!run?.lastOkAt) return "error";
  const age = now.getTime() - run.lastOkAt.getTime();
  if (!run.ok) return "error";
  if (age <= 26 * HOUR) return "ok";
  if (age <= 50 * HOUR) return "warn";
  return "error";
}

/** A PostgreSQL dump the installation's routine reported: judged like a daily backup; none reported is amber. */
export function dumpLevel(run: { ok: boolean; lastOkAt: Date | null } | null, now: Date): HealthLevel {
  if (!run) return "warn";
  return backupLevel(run, now);
}

export function drillLevel(run: { ok: boolean; finishedAt: Date | null } | null): HealthLevel {
  if (!run?.finishedAt) return "warn";
  return run.ok ? "ok" : "error";
}

export function certificateLevel(daysLeft: number | null): HealthLevel {
  if (daysLeft === null) return "warn";
  if (daysLeft < 0) return "error";
  return daysLeft <= 60 ? "warn" : "ok";
}

const GB = 1024 ** 3;

export function diskLevel(freeBytes: number): HealthLevel {
  if (freeBytes < 0.5 * GB) return "error";
  return freeBytes < 2 * GB ? "warn" : "ok";
}

export function pendingMigrationsLevel(pending: number): HealthLevel {
  return pending === 0 ? "ok" : "warn";
}

/** The page's headline: the worst level of all. */
export function overallLevel(levels: HealthLevel[]): HealthLevel {
  if (levels.includes("error")) return "error";
  return levels.includes("warn") ? "warn" : "ok";
}
