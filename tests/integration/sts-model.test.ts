import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/app-error";
import type { Db } from "../../lib/db";
import { createCreditNote } from "../../lib/services/invoices/create-credit-note";
import { reissueInvoice } from "../../lib/services/invoices/reissue-invoice";
import { updateIssuedInvoice } from "../../lib/services/invoices/update-issued-invoice";
import { voidInvoice } from "../../lib/services/invoices/void-invoice";
import { pollDueSubmissions } from "../../lib/services/sts/poll-due-submissions";
import { resendSubmission } from "../../lib/services/sts/resend-submission";
import { sendDocumentNow } from "../../lib/services/sts/send-document-now";
import { stuckAfterMs, sweepStuck } from "../../lib/services/sts/sweep-stuck";
import { uploadBatch } from "../../lib/services/sts/upload-batch";
import { reconcileYear } from "../../lib/services/sts-reconciliation/reconcile-year";
import { createTestInvoice, SESSION_LINE } from "../../prisma/seed/factories/invoices";
import { expectNothingInDoubt, FINAL_STATES, mortalDb, recover, runUntilKilled } from "./reliability-harness";
import { simulatorCounts, stsPractitioner, useSimulator } from "./sts-harness";
import { testDb } from "./test-db";

// The model-based property test of issue 17: any sequence of what a practitioner and the machine do — issue, edit,
// "annulla e riemetti", void, credit note, send (one now, or a batch), a process killed at any step of a send, and
// "invia di nuovo" — ends, once recovery has run, with "Verifica su STS" finding no difference and STS having
// received no insert twice. Bounded runs with a fixed seed (a failure prints the seed and the shrunk sequence to
// replay it); set STS_MODEL_RUNS / STS_MODEL_SEED to explore further.

const simulator = useSimulator();
const DATE = "2026-03-10";
const paid = { issueDate: DATE, paymentDate: DATE, paymentMethod: "carta" as const };
const RUNS = Number(process.env.STS_MODEL_RUNS ?? 8);
const SEED = Number(process.env.STS_MODEL_SEED ?? 20261202);

type Step =
  | { kind: "issue" }
  | { kind: "edit"; target: number; euros: number }
  | { kind: "reissue"; target: number }
  | { kind: "void"; target: number }
  | { kind: "creditNote"; target: number; euros: number }
  | { kind: "send"; target: number }
  | { kind: "sendAll" }
  | { kind: "crash"; during: "send" | "batch"; target: number; atCall: number }
  | { kind: "resend" };

const target = fc.nat({ max: 20 });
// A send makes about this many database calls (an "Invia ora" 18, a batch upload 6, in December 2026): a crash is
// drawn among them, so that most crashes land inside the send (one past the end is a send that finished).
const SYNC_CALLS = 19;
const BATCH_CALLS = 7;
const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.constant({ kind: "issue" as const }), weight: 3 },
  fc.record({ kind: fc.constant("edit" as const), target, euros: fc.integer({ min: 40, max: 120 }) }),
  fc.record({ kind: fc.constant("reissue" as const), target }),
  fc.record({ kind: fc.constant("void" as const), target }),
  fc.record({ kind: fc.constant("creditNote" as const), target, euros: fc.integer({ min: 5, max: 30 }) }),
  { arbitrary: fc.record({ kind: fc.constant("send" as const), target }), weight: 2 },
  fc.constant({ kind: "sendAll" as const }),
  {
    arbitrary: fc.record({
      kind: fc.constant("crash" as const),
      during: fc.constantFrom("send" as const, "batch" as const),
      target,
      atCall: fc.integer({ min: 1, max: SYNC_CALLS }),
    }),
    weight: 2,
  },
  fc.constant({ kind: "resend" as const }),
);
// Always at least one document, issued first.
const sequence = fc.array(step, { minLength: 2, maxLength: 14 }).map((steps) => [{ kind: "issue" } as Step, ...steps]);

/** One practitioner's run of a sequence: the documents it made, and a clock that only moves forward. */
class Practice {
  readonly ids: string[] = [];
  clock = Date.now();
  constructor(readonly p: { id: string; patientId: string }) {}

  private get now() {
    return new Date(this.clock);
  }

  private pick(n: number) {
    return this.ids[n % this.ids.length]!;
  }

  private form(euros: number) {
    return { patientId: this.p.patientId, ...paid, lines: [{ ...SESSION_LINE, unitPrice: `${euros},00` }] };
  }

  private async toSend(db: Db) {
    const rows = await db.invoice.findMany({
      where: { id: { in: this.ids }, stsState: { in: ["to_send", "failed"] } },
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }

  private send(db: Db, invoiceId: string) {
    return sendDocumentNow({ db, practitionerId: this.p.id, invoiceId, now: this.now });
  }

  private async batch(db: Db) {
    const invoiceIds = await this.toSend(testDb());
    if (invoiceIds.length === 0) return;
    await uploadBatch({ db, practitionerId: this.p.id, trigger: "manual", invoiceIds, now: this.now });
  }

  async run(s: Step): Promise<void> {
    const db = testDb();
    const base = { db, practitionerId: this.p.id, actorId: this.p.id, now: this.now };
    switch (s.kind) {
      case "issue":
        this.ids.push((await createTestInvoice(db, this.p.id, { ...paid, patientId: this.p.patientId })).id);
        return;
      case "edit":
        await updateIssuedInvoice({ ...base, invoiceId: this.pick(s.target), input: this.form(s.euros) });
        return;
      case "reissue": {
        const { issued } = await reissueInvoice({ ...base, invoiceId: this.pick(s.target), input: this.form(70) });
        this.ids.push(issued.id);
        return;
      }
      case "void":
        await voidInvoice({ ...base, invoiceId: this.pick(s.target), input: { reason: "Emessa per errore" } });
        return;
      case "creditNote": {
        const input = { mode: "partial", issueDate: DATE, amount: `${s.euros},00`, description: "Storno parziale" };
        this.ids.push((await createCreditNote({ ...base, invoiceId: this.pick(s.target), input })).id);
        return;
      }
      case "send":
        await this.send(db, this.pick(s.target));
        return;
      case "sendAll":
        await this.batch(db);
        return;
      case "crash": {
        const killAt = s.during === "send" ? s.atCall : ((s.atCall - 1) % BATCH_CALLS) + 1;
        const mortal = mortalDb(db, { killAt });
        await runUntilKilled(async () => {
          if (s.during === "send") await this.send(mortal, this.pick(s.target));
          else await this.batch(mortal);
        });
        return;
      }
      case "resend": {
        // Later, as the user comes back: the worker's sweep and polling have run, then "Invia di nuovo".
        this.clock += stuckAfterMs() + 60_000;
        await sweepStuck({ db, now: this.now });
        await pollDueSubmissions({ db, workerId: "model", concurrency: 2, now: this.now });
        const last = await db.stsSubmission.findFirst({
          where: { practitionerId: this.p.id },
          orderBy: { createdAt: "desc" },
          select: { id: true },
        });
        if (last) await resendSubmission({ db, practitionerId: this.p.id, submissionId: last.id, now: this.now });
        return;
      }
    }
  }
}

/** A refusal the app gives the practitioner (a conflict, a validation error) is part of the model, not a failure. */
async function orRefused(work: Promise<void>): Promise<string> {
  try {
    await work;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return `refused (${error.code})`;
    throw error;
  }
}

async function insertsReceived(practitionerId: string) {
  const profile = await testDb().profile.findUniqueOrThrow({ where: { practitionerId } });
  const counts = await simulatorCounts(simulator.sim);
  return Object.entries(counts.documents)
    .filter(([identity]) => identity.startsWith(`${profile.partitaIva}|`))
    .map(([identity, c]) => ({ identity, inserts: c.received.I ?? 0 }));
}

describe("any sequence of edits, sends and crashes ends with STS matching Parcella", () => {
  it("reconciliation finds 0 differences and STS received 0 duplicate inserts", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(sequence, async (steps) => {
        const practice = new Practice(await stsPractitioner(`model-${++run}`));
        const trace: string[] = [];
        for (const s of steps) trace.push(`${JSON.stringify(s)} → ${await orRefused(practice.run(s))}`);
        const context = `steps:\n${trace.join("\n")}`;
        // Recovery as the worker does it, later than anything the sequence did.
        const stepMs = Math.max(60 * 60_000, practice.clock - Date.now() + stuckAfterMs() + 60_000);
        const passes = await recover(simulator.sim, practice.p.id, practice.ids, 5, stepMs);
        const states = await testDb().invoice.findMany({
          where: { id: { in: practice.ids } },
          select: { id: true, kind: true, status: true, stsState: true },
        });
        expect(
          states.filter((s) => !FINAL_STATES.includes(s.stsState)),
          `not final after ${passes} passes; ${context}`,
        ).toEqual([]);
        await expectNothingInDoubt(practice.p.id);
        const found = await reconcileYear({ db: testDb(), practitionerId: practice.p.id, year: 2026 });
        expect(found.differences, context).toEqual([]);
        const duplicates = (await insertsReceived(practice.p.id)).filter((d) => d.inserts > 1);
        expect(duplicates, context).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    // A guard against a hang, not a speed check: each run is a practice of its own, about 1–2 s on a quiet machine
    // and ten times that at load 20.
  }, 900_000);
});
