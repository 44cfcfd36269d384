import type { Db } from "../../db";
import { pollSubmission } from "./poll-submission";
import { inPool } from "./pool";

const LEASE_MS = 2 * 60_000;

// Polls every submission whose next poll is due. Each is leased to one worker at a time (a conditional update on
// its lease), so several workers never poll the same submission at once.
export async function pollDueSubmissions(options: { db: Db; workerId: string; concurrency: number; now?: Date; limit?: number; log?: (line: string) => void }) {
  const { db, workerId } = options;
  const now = options.now ?? new Date();
  const due = await db.stsSubmission.findMany({
    where: { status: "awaiting_outcome", nextPollAt: { lte: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    select: { id: true },
    orderBy: { nextPollAt: "asc" },
    take: options.limit ?? 200,
  });
  let completed = 0;
  await inPool(due, options.concurrency, async ({ id }) => {
    const { count } = await db.stsSubmission.updateMany({
      where: { id, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      data: { lockedBy: workerId, lockedUntil: new Date(now.getTime() + LEASE_MS) },
    });
    if (count === 0) return;
    try {
      if ((await pollSubmission({ db, submissionId: id, now })) === "completed") completed++;
    } catch (error) {
      options.log?.(`poll ${id} failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await db.stsSubmission.updateMany({ where: { id, lockedBy: workerId }, data: { lockedBy: null, lockedUntil: null } });
    }
  });
  return { due: due.length, completed };
}
