// Server actions on a real database: ids that are not strings never reach Prisma, and an unexpected database error
// is logged without the query's arguments (a Prisma error's message quotes them: the user's data).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { actionBuilder, Id } from "../../lib/actions/action";
import { cloneInvoice } from "../../lib/services/invoices/clone-invoice";
import { createTestInvoice } from "../../prisma/seed/factories/invoices";
import { createTestPatient } from "../../prisma/seed/factories/patients";
import { createTestProfile } from "../../prisma/seed/factories/profiles";
import { registerTestPractitioner, testDb } from "./test-db";

const logs: string[] = [];
beforeAll(() => {
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logs.push(args.map(String).join(" ")));
});
afterAll(() => vi.restoreAllMocks());

describe("server action errors", () => {
  it("refuses {not: ''} as an invoice id: nothing is cloned", async () => {
    const practitioner = await registerTestPractitioner("clone");
    await createTestProfile(testDb(), practitioner.id);
    const patient = await createTestPatient(testDb(), practitioner.id);
    await createTestInvoice(testDb(), practitioner.id, { patientId: patient.id });
    const { action } = actionBuilder(async () => practitioner);
    // The same wiring as app/(app)/fatture/actions.ts#cloneInvoiceAction.
    const clone = action({ name: "invoice-clone", args: z.tuple([Id]) }, async ({ practitioner: p }, invoiceId) => ({
      id: (await cloneInvoice({ db: testDb(), practitionerId: p.id, actorId: p.id, invoiceId })).id,
    }));
    const before = await testDb().invoice.count({ where: { practitionerId: practitioner.id } });
    for (const bad of [{ not: "" }, 42, ["x"]]) {
      const result = await (clone as (...args: unknown[]) => Promise<{ ok: boolean }>)(bad);
      expect(result.ok, JSON.stringify(bad)).toBe(false);
    }
    expect(await testDb().invoice.count({ where: { practitionerId: practitioner.id } })).toBe(before);
  });

  it("logs a Prisma error by kind, without the query or its arguments", async () => {
    const practitioner = await registerTestPractitioner("log");
    const { action } = actionBuilder(async () => practitioner);
    const broken = action({ name: "broken", args: z.tuple([z.unknown()]) }, async (_context, value) =>
      // A value of the wrong type reaches Prisma, as an unchecked id used to.
      testDb().invoice.findFirst({ where: { id: value as string, notes: "nota-riservata-del-paziente" } }),
    );
    logs.length = 0;
    const result = await broken({ in: 4242 });
    expect(result).toEqual({ ok: false, message: "Si è verificato un errore imprevisto. Riprova tra poco." });
    const logged = logs.join("\n");
    expect(logged).toMatch(/\[broken\] unexpected error: PrismaClient\w+Error/);
    expect(logged).not.toContain("nota-riservata-del-paziente");
    expect(logged).not.toContain("4242");
    expect(logged).not.toContain("findFirst(");
  });
});
