import type { Db } from "../../db";
import { leaseDueSubmissions, releaseLeases, type LeasedSubmission } from "../../data/sts-worker-sql";
import { pollSubmission } from "./poll-submission";
import { createLimiter, inPool } from "./pool";

const LEASE_MS = 2 * 60_000;

// Polls up to `limit` submissions whose next poll is due, with at most `concurrency` calls toward STS in flight.
// Each is leased to one worker at a time, so several workers never poll the same submission at once: leases are
// taken a few at a time (one statement for as many as there are pollers), as the pollers need them, so a lease is
// never held long before its poll; each poll's last write ends its lease.
export async function pollDueSubmissions(options: {
  db: Db;
  workerId: string;
  concurrency: number;
  now?: Date;
  limit?: number;
  log?: (line: string) => void;
}) {
  const { db, workerId } = options;
  const now = options.now ?? new Date();
  const limit = options.limit ?? 200;
  const concurrency = Math.max(1, options.concurrency);
  // At most `concurrency` calls in flight toward STS; twice as many submissions in progress, so that the database
  // work of some (credentials, documents, outcomes) never leaves an STS slot idle.
  const stsCalls = createLimiter(concurrency);
  const pollers = 2 * concurrency;
  const queue: LeasedSubmission[] = [];
  let leased = 0;
  let exhausted = false;
  let refill: Promise<void> | null = null;
  const leaseMore = async () => {
    const size = Math.min(pollers, limit - leased);
    const rows =
      size > 0
        ? await leaseDueSubmissions(db, { workerId, now, until: new Date(now.getTime() + LEASE_MS), limit: size })
        : [];
    leased += rows.length;
    queue.push(...rows);
    if (rows.length < size || size <= 0) exhausted = true;
  };
  const next = async (): Promise<LeasedSubmission | undefined> => {
    while (queue.length === 0 && !exhausted) {
      refill ??= leaseMore().finally(() => (refill = null));
      await refill;
    }
    return queue.shift();
  };
  let completed = 0;
  const unreleased: string[] = [];
  await inPool(Array.from({ length: pollers }), pollers, async () => {
    for (let submission = await next(); submission; submission = await next()) {
      try {
        const result = await pollSubmission({ db, submissionId: submission.id, now, leased: submission, stsCalls });
        if (result === "completed") completed++;
        if (result === "not_pending") unreleased.push(submission.id);
      } catch (error) {
        unreleased.push(submission.id);
        options.log?.(`poll ${submission.id} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  });
  // A poll that failed before its last write still holds its lease: end them together.
  await releaseLeases(db, workerId, unreleased);
  return { due: leased, completed };
}
