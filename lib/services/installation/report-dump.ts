import { statSync } from "node:fs";
import { basename } from "node:path";
import type { DbOrTx } from "../../db";
import { recordJobRun } from "../../data/job-runs";

export const DUMP_JOB = "postgresql-dump";

/**
 * A PostgreSQL installation's own dump routine says it made a dump (`npm run db:report-dump -- <file>` after pg_dump):
 * the file's time and size are kept like a job's run, so the status page can show the dump's age. An empty or
 * missing file is recorded as a failed dump, so the page turns red instead of trusting it.
 */
export async function reportDump(options: { db: DbOrTx; file: string; now?: Date }) {
  const now = options.now ?? new Date();
  let bytes = 0;
  let madeAt = now;
  try {
    const stat = statSync(options.file);
    bytes = stat.size;
    madeAt = stat.mtime;
  } catch {
    // recorded as failed below
  }
  const ok = bytes > 0;
  const summary = ok
    ? { file: basename(options.file), bytes }
    : { file: basename(options.file), error: "il file del dump è vuoto o non esiste" };
  await recordJobRun(options.db, {
    name: DUMP_JOB,
    startedAt: madeAt,
    finishedAt: madeAt,
    ok,
    summary: JSON.stringify(summary),
  });
  return { ok, bytes, madeAt };
}
