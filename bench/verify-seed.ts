// Checks that bulk-seeded rows are what the services would have written: one practitioner made with the factories
// (services) and one with seedBulk, compared column by column (ids, timestamps, names, P.IVA and CF aside), plus
// the STS state the state machine derives for the bulk rows (refreshStsState must find nothing to change).
import type { Db } from "../lib/db";
import { findStsInvoices } from "../lib/data/sts-documents";
import { isoDate } from "../lib/domain/dates";
import { registerPractitioner } from "../lib/services/accounts/register-practitioner";
import { refreshStsState, statusOf } from "../lib/services/sts/refresh-sts-state";
import { createTestInvoice } from "../prisma/seed/factories/invoices";
import { createTestPatient } from "../prisma/seed/factories/patients";
import { nextPartitaIva } from "../prisma/seed/factories/partita-iva";
import { createTestProfile } from "../prisma/seed/factories/profiles";
import { configureTestStsCredentials } from "../prisma/seed/factories/sts";
import { seedBulk } from "./seed-bulk";

const VOLATILE = new Set([
  "id",
  "practitionerId",
  "patientId",
  "invoiceId",
  "createdAt",
  "updatedAt",
  "issuedAt",
  "passwordSetAt",
  "pincodeSetAt",
  "lastCheckAt",
  "passwordEnc",
  "pincodeEnc",
  "email",
  "name",
  "passwordHash",
  "partitaIva",
  "codiceFiscale",
  "firstName",
  "lastName",
  "searchText",
  "at",
  "actorId",
]);

function diff(
  label: string,
  factory: Record<string, unknown> | null,
  bulk: Record<string, unknown> | null,
  out: string[],
) {
  if (!factory || !bulk) return void out.push(`${label}: missing (${!factory ? "factory" : "bulk"})`);
  for (const key of new Set([...Object.keys(factory), ...Object.keys(bulk)])) {
    if (VOLATILE.has(key) || Array.isArray(factory[key])) continue;
    let a = factory[key],
      b = bulk[key];
    if (key === "patientSnapshot" || key === "issuerSnapshot") {
      const strip = (s: unknown) =>
        JSON.stringify({ ...JSON.parse(String(s)), name: "", codiceFiscale: "", partitaIva: "" });
      a = strip(a);
      b = strip(b);
    }
    if (JSON.stringify(a) !== JSON.stringify(b))
      out.push(`${label}.${key}: factory ${JSON.stringify(a)} ≠ bulk ${JSON.stringify(b)}`);
  }
}

export async function verifyBulkSeed(db: Db, encryptionKey: Buffer): Promise<string[]> {
  const problems: string[] = [];
  const date = "2026-02-10";
  const sts = { autoSend: true, autoSendFrom: "2026-02-01" };
  const p = await registerPractitioner({
    db,
    input: {
      name: "Dott. Fabbrica",
      email: `factory-${Date.now()}@example.test`,
      password: "password-sicura-1",
      passwordConfirm: "password-sicura-1",
    },
  });
  await createTestProfile(db, p.id, { partitaIva: nextPartitaIva() });
  await configureTestStsCredentials(db, p.id, sts);
  const patient = await createTestPatient(db, p.id);
  const made = await createTestInvoice(db, p.id, {
    patientId: patient.id,
    issueDate: date,
    paymentDate: date,
    paymentMethod: "bonifico",
  });
  const [bulk] = await seedBulk(db, {
    practitioners: 1,
    patientsPerPractitioner: 1,
    invoicesOf: () => [{ issueDate: date }],
    ...sts,
    encryptionKey,
    events: true,
  });
  const pair = async <T>(read: (practitionerId: string) => Promise<T>) =>
    [await read(p.id), await read(bulk!.id)] as const;

  const [fp, bp] = await pair((id) => db.practitioner.findUnique({ where: { id } }));
  diff("Practitioner", fp, bp, problems);
  const [fpr, bpr] = await pair((id) => db.profile.findUnique({ where: { practitionerId: id } }));
  diff("Profile", fpr, bpr, problems);
  const [fs, bs] = await pair((id) => db.stsSettings.findUnique({ where: { practitionerId: id } }));
  diff("StsSettings", fs, bs, problems);
  const [fpa, bpa] = await pair((id) => db.patient.findFirst({ where: { practitionerId: id } }));
  diff("Patient", fpa, bpa, problems);
  const [fc, bc] = await pair((id) => db.invoiceCounter.findFirst({ where: { practitionerId: id } }));
  diff("InvoiceCounter", fc, bc, problems);
  const [fi, bi] = await pair((id) =>
    db.invoice.findFirst({
      where: { practitionerId: id },
      include: { lines: true, events: { orderBy: { at: "asc" } } },
    }),
  );
  diff("Invoice", fi, bi, problems);
  diff("InvoiceLine", fi?.lines[0] ?? null, bi?.lines[0] ?? null, problems);
  if (fi?.events.map((e) => e.action).join() !== bi?.events.map((e) => e.action).join())
    problems.push("InvoiceEvent: actions differ");
  if (made.id !== fi?.id) problems.push("factory invoice not found");

  // The state machine derives "to_send" for the bulk rows, and a refresh changes nothing.
  const today = isoDate(new Date());
  for (const invoice of await findStsInvoices(db, bulk!.id)) {
    const status = statusOf(invoice, true, today);
    if (status.state !== "to_send" || status.pending[0]?.operation !== "I")
      problems.push(`bulk invoice derives ${status.state} (${status.reason})`);
  }
  const before = await db.invoice.findMany({
    where: { practitionerId: bulk!.id },
    select: { stsRecordRev: true, stsState: true, stsReason: true },
  });
  await refreshStsState(db, { practitionerId: bulk!.id });
  const after = await db.invoice.findMany({
    where: { practitionerId: bulk!.id },
    select: { stsRecordRev: true, stsState: true, stsReason: true },
  });
  if (JSON.stringify(before) !== JSON.stringify(after)) problems.push("refreshStsState changed bulk-seeded invoices");
  // Leave nothing behind for the benchmark that follows.
  for (const id of [p.id, bulk!.id]) {
    await db.invoice.deleteMany({ where: { practitionerId: id } });
    await db.practitioner.delete({ where: { id } });
  }
  return problems;
}
