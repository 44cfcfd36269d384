import { AppError } from "../../app-error";
import type { Db } from "../../db";
import {
  findCitizenReportFetch,
  insertCitizenReport,
  invoicesByIdentity,
  invoicesIssuedOn,
  saveCitizenReportFetch,
  storedFingerprints,
} from "../../data/sts-citizen-reports";
import { saveExchanges } from "../../data/sts-exchanges";
import { findProfile } from "../../data/profiles";
import { isoDate } from "../../domain/dates";
import type { StsClient } from "../../sts/client/sts-client";
import type { StsCitizenReportRow } from "../../sts/client/query-types";
import { documentKey, type StsDocumentId } from "../../sts/types";
import type { Limiter } from "../sts/pool";
import { createClientFor, loadStsCredentials } from "../sts/sts-connection";
import { parseStsRecord } from "../sts/sts-view";
import { fingerprintOf } from "./fingerprint";
import { detailOf, type CitizenReportDetail } from "../../presentation/sts-citizen-reports/report-view";

/**
 * The first reading goes back to 1 January of the previous year: citizens report on the expenses of their 730,
 * which are those of the year before.
 */
export function firstReadingFrom(now: Date): string {
  return `${Number(isoDate(now).slice(0, 4)) - 1}-01-01`;
}

export type CitizenReportsReading = { from: string; to: string; read: number; stored: number };

/**
 * Reads the citizens' reports received since the last reading (ReportSegnalazioni, from the day the last reading
 * ended to today), keeps those about the practitioner's own documents (in the simulator, and for an STS user who
 * issues under several P.IVAs, the report lists other practices' documents too), asks DettaglioSegnalazione once
 * per document with a new report, and stores each new report once. A failed reading leaves the period where it
 * was, so the next one reads it again.
 */
export async function fetchCitizenReports(options: {
  db: Db;
  practitionerId: string;
  now?: Date;
  /** The bound on calls in flight toward STS shared with the other jobs. */
  limit?: Limiter;
  client?: StsClient;
}): Promise<CitizenReportsReading> {
  const { db, practitionerId } = options;
  const now = options.now ?? new Date();
  const client = options.client ?? (await clientFor(db, practitionerId, options.limit));
  const state = await findCitizenReportFetch(db, practitionerId);
  const to = isoDate(now);
  const start = state?.fetchedThrough || firstReadingFrom(now);
  const from = start > to ? to : start;

  const fail = async (message: string, credentials: boolean): Promise<never> => {
    await saveCitizenReportFetch(db, practitionerId, { checkedAt: now, lastError: message });
    throw new AppError(credentials ? "sts_credentials" : "sts_unavailable", message);
  };

  const list = await client.getCitizenReports({ from, to });
  await saveExchanges(db, practitionerId, null, list.exchanges);
  if (list.kind !== "ok")
    return fail(`Il Sistema TS non ha dato le segnalazioni: ${list.message}`, list.kind === "credentials");

  const known = await storedFingerprints(db, practitionerId, list.rows.map(fingerprintOf));
  const fresh = new Map<string, StsCitizenReportRow>();
  for (const row of list.rows) {
    const fingerprint = fingerprintOf(row);
    if (!known.has(fingerprint)) fresh.set(fingerprint, row);
  }
  const invoices = await invoicesOf(
    db,
    practitionerId,
    [...fresh.values()].map((row) => row.id),
  );
  const pIva = (await findProfile(db, practitionerId))?.partitaIva ?? null;
  const ours = [...fresh].filter(([, row]) => invoices.has(documentKey(row.id)) || row.id.pIva === pIva);

  const details = new Map<string, CitizenReportDetail | null>();
  for (const [, row] of ours) {
    const identity = documentKey(row.id);
    if (details.has(identity)) continue;
    const answer = await client.getCitizenReport(row.id);
    await saveExchanges(db, practitionerId, null, answer.exchanges);
    if (answer.kind === "reported") details.set(identity, detailOf(answer.document));
    else if (answer.kind === "none") details.set(identity, null);
    else
      return fail(
        `Il Sistema TS non ha dato il dettaglio della segnalazione su ${row.id.numDocumento}: ${answer.message}`,
        answer.kind === "credentials",
      );
  }

  let stored = 0;
  for (const [fingerprint, row] of ours) {
    const identity = documentKey(row.id);
    const inserted = await insertCitizenReport(db, {
      practitionerId,
      invoiceId: invoices.get(identity) ?? null,
      identity,
      fingerprint,
      reportedOn: row.dataSegnalazione,
      text: row.segnalazione,
      detail: JSON.stringify(details.get(identity) ?? null),
      extra: JSON.stringify(row.extra),
    });
    if (inserted) stored++;
  }
  await saveCitizenReportFetch(db, practitionerId, { fetchedThrough: to, checkedAt: now, lastError: null });
  return { from, to, read: list.rows.length, stored };
}

/**
 * Identity → invoice: those Parcella sent and STS accepted, then those whose record holds the identity without a
 * transmission of Parcella's (adopted in "Verifica su STS": sent on the portal, typed into Parcella afterwards).
 */
async function invoicesOf(db: Db, practitionerId: string, ids: StsDocumentId[]) {
  const identities = ids.map(documentKey);
  const found = await invoicesByIdentity(db, practitionerId, identities);
  const missing = ids.filter((id) => !found.has(documentKey(id)));
  if (missing.length === 0) return found;
  const wanted = new Set(missing.map(documentKey));
  for (const invoice of await invoicesIssuedOn(db, practitionerId, [
    ...new Set(missing.map((id) => id.dataEmissione)),
  ])) {
    const held = parseStsRecord(invoice.stsRecord).held?.identity;
    if (held && wanted.has(held)) found.set(held, invoice.id);
  }
  return found;
}

async function clientFor(db: Db, practitionerId: string, limit?: Limiter) {
  const credentials = await loadStsCredentials(db, practitionerId);
  if (!credentials)
    throw new AppError(
      "sts_credentials",
      "Configura le credenziali del Sistema TS prima di controllare le segnalazioni.",
    );
  return createClientFor(credentials, { db, limit });
}
