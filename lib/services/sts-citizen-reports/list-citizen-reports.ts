import type { Db } from "../../db";
import { countOpenCitizenReports, findCitizenReports, findInvoiceCitizenReports } from "../../data/sts-citizen-reports";
import { viewOf } from "../../presentation/sts-citizen-reports/report-view";

/** How many reports the practitioner has not marked handled (the dashboard's count). */
export function countOpenReports(options: { db: Db; practitionerId: string }) {
  return countOpenCitizenReports(options.db, options.practitionerId);
}

/** The list: reports still to handle, then the last ones handled. */
export async function listCitizenReports(options: { db: Db; practitionerId: string }) {
  const [open, handled] = await Promise.all([
    findCitizenReports(options.db, options.practitionerId, { handled: false, take: 200 }),
    findCitizenReports(options.db, options.practitionerId, { handled: true, take: 20 }),
  ]);
  return { open: open.map(viewOf), handled: handled.map(viewOf) };
}

/** The reports about one of the practitioner's invoices, handled or not. */
export async function invoiceCitizenReports(options: { db: Db; practitionerId: string; invoiceId: string }) {
  return (await findInvoiceCitizenReports(options.db, options.practitionerId, options.invoiceId)).map(viewOf);
}
