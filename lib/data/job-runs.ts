import type { DbOrTx } from "../db";

export type JobRunResult = { name: string; startedAt: Date; finishedAt: Date; ok: boolean; summary: string };

/** Keeps the last run of a job (and the time of its last success). */
export async function recordJobRun(db: DbOrTx, run: JobRunResult) {
  const lastOk = run.ok ? { lastOkAt: run.finishedAt } : {};
  await db.jobRun.upsert({
    where: { name: run.name },
    create: { ...run, ...lastOk },
    update: { startedAt: run.startedAt, finishedAt: run.finishedAt, ok: run.ok, summary: run.summary, ...lastOk },
  });
}

export async function findJobRuns(db: DbOrTx, names: string[]) {
  const rows = await db.jobRun.findMany({ where: { name: { in: names } } });
  return new Map(rows.map((row) => [row.name, row]));
}
