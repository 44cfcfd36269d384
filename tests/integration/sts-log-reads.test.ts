import { describe, expect, it } from "vitest";
import {
  countDocumentOutcomes,
  findSubmissionPage,
  submissionHeaderSelect,
  type SubmissionListFilters,
} from "../../lib/data/sts-submissions";
import { createTestInvoice } from "../../prisma/seed/factories/invoices";
import { stsPractitioner } from "./sts-harness";
import { testDb } from "./test-db";

type Db = ReturnType<typeof testDb>;
type Reader = Parameters<typeof findSubmissionPage>[0];

// What the send log's page was through Prisma's model API: the reference the hand-written statements must match.
async function pageViaPrisma(db: Db, practitionerId: string, page: number, filters: SubmissionListFilters) {
  const where = {
    practitionerId,
    ...(filters.trigger ? { trigger: filters.trigger } : {}),
    ...(filters.outcome === "pending" ? { outcome: null } : filters.outcome ? { outcome: filters.outcome } : {}),
  };
  const [rows, total] = await Promise.all([
    db.stsSubmission.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * 25,
      take: 25,
      select: { ...submissionHeaderSelect, receiptPdf: true, errorsCsv: true },
    }),
    db.stsSubmission.count({ where }),
  ]);
  return {
    rows: rows.map(({ receiptPdf, errorsCsv, ...row }) => ({
      ...row,
      hasReceipt: receiptPdf !== null,
      hasErrorsCsv: errorsCsv !== null,
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / 25)),
  };
}

// The send log's reads are hand-written on the driver (lib/data/direct-sql.ts): the page of submissions with its
// count and the documents' outcomes per submission are what Prisma's model API returns, outside and inside a
// transaction, with every filter, and nothing of another practitioner's.
describe("the send log's reads on the driver", () => {
  it("return the page, its count and the documents' outcomes exactly as Prisma's model API does", async () => {
    const p = await stsPractitioner("log-reads");
    const other = await stsPractitioner("log-reads-other");
    const db = testDb();
    const invoice = await createTestInvoice(db, p.id, { patientId: p.patientId });
    const outcomes = [null, "accepted", "rejected", "partially_rejected"] as const;
    const ids: string[] = [];
    for (let i = 0; i < 28; i++) {
      const outcome = outcomes[i % 4]!;
      const submission = await db.stsSubmission.create({
        data: {
          practitionerId: p.id,
          trigger: i % 3 === 0 ? "manual" : "automatic",
          channel: "async",
          environment: "simulator",
          status: outcome === null ? "awaiting_outcome" : "completed",
          outcome,
          fileName: `invio-${i}.zip`,
          protocollo: i % 5 === 0 ? null : `2603120800${String(i).padStart(7, "0")}`,
          acceptedAt: i % 2 === 0 ? "2026-03-12 08:00:00" : null,
          documentCount: 2,
          nInviati: outcome === null ? null : 2,
          nAccolti: outcome === "accepted" ? 2 : outcome === null ? null : 1,
          stato: outcome === null ? null : 1,
          errorCode: outcome === "rejected" ? "E01" : null,
          errorMessage: outcome === "rejected" ? "Errore" : null,
          receiptPdf: outcome === null ? null : Buffer.from("%PDF-"),
          errorsCsv: outcome === "rejected" || outcome === "partially_rejected" ? Buffer.from("a;b\n") : null,
          createdAt: new Date(Date.UTC(2026, 2, 1, 8, i, 0, 250)),
          completedAt: outcome === null ? null : new Date(Date.UTC(2026, 2, 1, 9, i)),
        },
      });
      ids.push(submission.id);
      for (const [n, documentOutcome] of ["accepted", i % 2 === 0 ? "rejected" : "accepted"].entries())
        await db.stsSubmissionDocument.create({
          data: {
            submissionId: submission.id,
            invoiceId: invoice.id,
            practitionerId: p.id,
            operation: "I",
            identity: `identita-${i}-${n}`,
            version: 1,
            outcome: documentOutcome,
          },
        });
    }
    const questions: [number, SubmissionListFilters][] = [
      [1, {}],
      [2, {}],
      [1, { trigger: "manual" }],
      [1, { outcome: "pending" }],
      [1, { outcome: "rejected", trigger: "automatic" }],
    ];
    const expected = await Promise.all(questions.map(([page, filters]) => pageViaPrisma(db, p.id, page, filters)));
    const groups = await db.stsSubmissionDocument.groupBy({
      by: ["submissionId", "outcome"],
      where: { practitionerId: p.id, submissionId: { in: ids } },
      _count: { _all: true },
    });
    const expectedCounts: Record<string, Record<string, number>> = {};
    for (const g of groups) (expectedCounts[g.submissionId] ??= {})[g.outcome] = g._count._all;
    // The questions must tell the statements apart: two pages, each filter, files present and absent.
    expect(expected.map((e) => [e.rows.length, e.total])).toEqual([
      [25, 28],
      [3, 28],
      [10, 10],
      [7, 7],
      [5, 5],
    ]);
    expect(new Set(expected[0]!.rows.map((r) => `${r.hasReceipt} ${r.hasErrorsCsv}`)).size).toBe(3);
    expect(expectedCounts[ids[0]!]).toEqual({ accepted: 1, rejected: 1 });

    const read = (on: Reader, practitionerId: string) =>
      Promise.all([
        Promise.all(questions.map(([page, filters]) => findSubmissionPage(on, practitionerId, page, filters))),
        countDocumentOutcomes(on, practitionerId, ids),
      ]);
    expect(await read(db, p.id)).toEqual([expected, expectedCounts]);
    expect(await db.$transaction((tx) => read(tx, p.id))).toEqual([expected, expectedCounts]);
    const [pages, counts] = await read(db, other.id);
    expect(pages.map((page) => page.total)).toEqual([0, 0, 0, 0, 0]);
    expect(counts).toEqual({});
  });
});
