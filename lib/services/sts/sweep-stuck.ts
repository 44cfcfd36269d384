import type { Db } from "../../db";
import { findStsInvoices } from "../../data/sts-documents";
import { isoDate } from "../../domain/dates";
import { refreshStsState } from "./refresh-sts-state";
import { resolveUncertainSubmissions } from "./resolve-uncertain-submissions";
import { effectiveStsTimeouts } from "./sts-connection";
import { parseStsRecord } from "./sts-view";

// An upload or a synchronous send still "uploading" after its STS timeout and two minutes more was stopped (its
// process died): nothing that is still running is ever taken for stuck.
export function stuckAfterMs(): number {
  const timeouts = effectiveStsTimeouts();
  return Math.max(timeouts.upload, timeouts.document) + 2 * 60_000;
}

// Work stuck between states, bounded on both sides (only what is older than stuckAfterMs, at most `limit`), all in
// one pass, so that nothing stays in doubt longer than one run of the sweep (every minute, jobs/schedules.ts):
// 1. submissions whose process died before or during the upload: their documents become "uncertain";
// 2. uncertain submissions, those of step 1 included, are resolved by asking STS about each of their documents,
//    and end in a final state (resolve-uncertain-submissions.ts; what is asked: docs/STS-TRANSMISSION.md);
// 3. grey documents waiting for a date (a payment date in the future, saved before such dates were refused) are
//    re-evaluated, when `refreshWaiting` (every few runs is enough).
export async function sweepStuck(options: {
  db: Db;
  now?: Date;
  limit?: number;
  workerId?: string;
  refreshWaiting?: boolean;
  ask?: Parameters<typeof resolveUncertainSubmissions>[0]["ask"];
  log?: (line: string) => void;
}) {
  const { db } = options;
  const now = options.now ?? new Date();
  const before = new Date(now.getTime() - stuckAfterMs());
  const limit = options.limit ?? 100;
  const stuck = await db.stsSubmission.findMany({
    where: { status: { in: ["preparing", "uploading"] }, updatedAt: { lt: before } },
    include: { documents: true },
    take: limit,
  });
  for (const submission of stuck) {
    // A process that died between claiming a document (its record names this submission) and writing the
    // submission's line for it: write the line now, or the document would stay "sending" for ever. The lines
    // first, the status last: a death in between leaves the submission stuck, for the next run to finish.
    const claimed = await findStsInvoices(db, submission.practitionerId, {
      states: ["sending"],
      notIds: submission.documents.map((d) => d.invoiceId),
    });
    for (const invoice of claimed) {
      const attempt = parseStsRecord(invoice.stsRecord).attempt;
      if (attempt?.submissionId !== submission.id) continue;
      await db.stsSubmissionDocument.create({
        data: {
          submissionId: submission.id,
          invoiceId: invoice.id,
          practitionerId: submission.practitionerId,
          operation: attempt.operation,
          identity: attempt.identity,
          version: attempt.version,
        },
      });
    }
    // Its documents still "sending" become uncertain when step 2 resolves them.
    await db.stsSubmission.update({
      where: { id: submission.id },
      data: { status: "uncertain", errorMessage: "Invio interrotto: esito da verificare." },
    });
  }
  const resolved = await resolveUncertainSubmissions({
    db,
    workerId: options.workerId ?? "sweep",
    now,
    limit,
    ask: options.ask,
    log: options.log,
  });
  if (options.refreshWaiting === false) return { stuck: stuck.length, resolved, refreshed: 0 };
  const waiting = await db.invoice.findMany({
    where: { stsState: "not_eligible", paymentDate: { lte: isoDate(now) } },
    select: { id: true, practitionerId: true },
    take: limit,
  });
  for (const w of waiting) await refreshStsState(db, { practitionerId: w.practitionerId, invoiceIds: [w.id], now });
  return { stuck: stuck.length, resolved, refreshed: waiting.length };
}
