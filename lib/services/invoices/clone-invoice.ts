import { notFound } from "../../app-error";
import type { Db } from "../../db";
import { isoDate } from "../../domain/dates";
import { addInvoiceEvent } from "../../data/invoices";

// A new draft with the same patient and lines, dated today: the usual way to bill the next session.
export async function cloneInvoice(options: {
  db: Db;
  practitionerId: string;
  actorId: string;
  invoiceId: string;
  now?: Date;
}) {
  const { db, practitionerId, actorId, invoiceId } = options;
  return db.$transaction(async (tx) => {
    const source = await tx.invoice.findFirst({
      where: { id: invoiceId, practitionerId, kind: "invoice" },
      include: { lines: { orderBy: { position: "asc" } } },
    });
    if (!source) throw notFound("Fattura non trovata.");
    const clone = await tx.invoice.create({
      data: {
        practitionerId,
        patientId: source.patientId,
        kind: "invoice",
        status: "draft",
        issueDate: isoDate(options.now ?? new Date()),
        opposition: source.opposition,
        bolloIdentifier: null,
        notes: source.notes,
        subtotalCents: source.subtotalCents,
        pensionFundCents: source.pensionFundCents,
        bolloCents: source.bolloCents,
        bolloChargedToPatient: source.bolloChargedToPatient,
        totalCents: source.totalCents,
        pensionFundRateBp: source.pensionFundRateBp,
        pensionFundLabel: source.pensionFundLabel,
        bolloPolicy: source.bolloPolicy,
        taxRegime: source.taxRegime,
        lines: {
          create: source.lines.map(({ id: _id, invoiceId: _invoiceId, ...line }) => line),
        },
      },
    });
    await addInvoiceEvent(tx, {
      invoiceId: clone.id,
      practitionerId,
      actorId,
      action: "created",
      changes: { clonedFrom: [null, source.id] },
    });
    return clone;
  });
}
