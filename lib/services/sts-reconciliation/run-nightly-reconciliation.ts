import type { Db } from "../../db";
import { isoDate } from "../../domain/dates";
import { runClaimed } from "../sts/claimed-runs";
import { reconcileYear } from "./reconcile-year";

/** How far back "recently sent" reaches: a document accepted in the last week is compared again each night. */
export const RECENT_DAYS = 7;

/**
 * The nightly "Verifica su STS": for every practitioner whose documents STS accepted in the last RECENT_DAYS (with
 * credentials and automatic sending not paused), the payment years of those documents are compared with STS and
 * the differences stored for the list and the dashboard. Calls toward STS share one bound (`concurrency`, the
 * installation's STS_CONCURRENCY), like the hourly run. Each practitioner-year is claimed for the slot on its stored
 * result, so two workers running the same schedule never compare the same year twice.
 */
export async function runNightlyReconciliation(options: {
  db: Db;
  slot: Date;
  concurrency: number;
  practitionerIds?: string[];
  now?: Date;
  log?: (line: string) => void;
}) {
  const { db, slot } = options;
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - RECENT_DAYS * 86_400_000);
  const sent = await db.stsSubmissionDocument.findMany({
    where: {
      outcome: { in: ["accepted", "accepted_with_warnings"] },
      submission: { completedAt: { gte: since } },
      ...(options.practitionerIds ? { practitionerId: { in: options.practitionerIds } } : {}),
    },
    select: { practitionerId: true, invoice: { select: { paymentDate: true, issueDate: true, kind: true } } },
  });
  const work = new Map<string, { practitionerId: string; year: number }>();
  for (const line of sent) {
    const date = line.invoice.kind === "credit_note" ? line.invoice.issueDate : line.invoice.paymentDate;
    if (!date) continue;
    const year = Number(date.slice(0, 4));
    work.set(`${line.practitionerId}|${year}`, { practitionerId: line.practitionerId, year });
  }
  const active = new Set(
    (
      await db.stsSettings.findMany({
        where: {
          practitionerId: { in: [...new Set([...work.values()].map((w) => w.practitionerId))] },
          pausedAt: null,
        },
        select: { practitionerId: true },
      })
    ).map((s) => s.practitionerId),
  );
  const summary = { checked: 0, differences: 0, failed: 0 };
  summary.failed = await runClaimed([...work.values()], {
    concurrency: options.concurrency,
    claim: async ({ practitionerId, year }) =>
      active.has(practitionerId) && (await claim(db, practitionerId, year, slot)),
    run: async ({ practitionerId, year }, limit) => {
      const result = await reconcileYear({ db, practitionerId, year, now, trigger: "automatic", limit });
      summary.checked++;
      summary.differences += result.differences.length;
    },
    subject: ({ practitionerId, year }) => `reconciliation of ${practitionerId} ${year}`,
    log: options.log,
  });
  options.log?.(`reconciliation ${isoDate(slot)}: ${JSON.stringify(summary)}`);
  return summary;
}

// The slot's claim: the stored result's checkedAt moves to the slot only when it was older (or is created).
async function claim(db: Db, practitionerId: string, year: number, slot: Date) {
  const moved = await db.stsReconciliation.updateMany({
    where: { practitionerId, year, checkedAt: { lt: slot } },
    data: { checkedAt: slot },
  });
  if (moved.count === 1) return true;
  try {
    await db.stsReconciliation.create({
      data: {
        practitionerId,
        year,
        checkedAt: slot,
        differences: 0,
        details: JSON.stringify({ differences: [] }),
        trigger: "automatic",
      },
    });
    return true;
  } catch {
    return false; // another worker claimed it, or it was checked at this slot already
  }
}
