import { AppError, notFound } from "../../app-error";
import type { Db, Tx } from "../../db";
import { addInvoiceEvent, findIssuerProfile, takeNextNumber } from "../../data/invoices";
import { assertChronologicalOrder, seriesOf } from "./chronology";
import { assertIssueDateNotFuture } from "./document-dates";
import { issuerSnapshot, patientSnapshot } from "./snapshots";
import { isProfileComplete } from "../profile/is-profile-complete";
import { refreshStsState } from "../sts/refresh-sts-state";

// Draft → issued: the next number of the issue year, assigned in the same transaction that issues, so numbers
// have no gaps and no duplicates, also when several documents are issued at once.
export async function issueInvoiceInTx(
  tx: Tx,
  options: { practitionerId: string; actorId: string; invoiceId: string; now: Date },
) {
  const { practitionerId, actorId, invoiceId } = options;
  const invoice = await tx.invoice.findFirst({ where: { id: invoiceId, practitionerId }, include: { patient: true } });
  if (!invoice) throw notFound("Fattura non trovata.");
  if (invoice.status !== "draft") throw new AppError("conflict", "Il documento è già stato emesso.");
  const profile = await findIssuerProfile(tx, practitionerId);
  if (!isProfileComplete(profile)) {
    throw new AppError("validation", "Completa il profilo (codice fiscale, partita IVA, indirizzo) prima di emettere.");
  }
  // A draft saved before today's rules may carry a future date: it would block every later number.
  assertIssueDateNotFuture(invoice.issueDate, options.now);
  const year = Number(invoice.issueDate.slice(0, 4));
  await assertChronologicalOrder(tx, {
    practitionerId,
    kind: invoice.kind,
    year,
    number: null,
    issueDate: invoice.issueDate,
  });
  const number = await takeNextNumber(tx, practitionerId, seriesOf(invoice.kind), year);
  const issued = await tx.invoice.update({
    where: { id: invoice.id },
    data: {
      status: "issued",
      year,
      number,
      issuedAt: options.now,
      patientSnapshot: JSON.stringify(patientSnapshot(invoice.patient)),
      issuerSnapshot: JSON.stringify(issuerSnapshot(profile)),
    },
  });
  await addInvoiceEvent(tx, {
    invoiceId,
    practitionerId,
    actorId,
    action: "issued",
    changes: { number: [null, number] },
  });
  await refreshStsState(tx, { practitionerId, invoiceIds: [invoiceId], now: options.now });
  return issued;
}

export async function issueInvoice(options: {
  db: Db;
  practitionerId: string;
  actorId: string;
  invoiceId: string;
  now?: Date;
}) {
  const now = options.now ?? new Date();
  return options.db.$transaction((tx) => issueInvoiceInTx(tx, { ...options, now }));
}
