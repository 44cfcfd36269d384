import type { Db } from "../../db";
import { findStsInvoices, type StsInvoice } from "../../data/sts-documents";
import { saveExchanges } from "../../data/sts-exchanges";
import {
  findSubmissionLines,
  setLineOutcomes,
  updateSubmission,
  type LeasedSubmission,
} from "../../data/sts-worker-sql";
import type { StsCodeRef, StsEvent } from "../../domain/sts/record";
import type { StsErrorRow } from "../../sts/client/error-csv";
import type { StsExchange } from "../../sts/client/exchange";
import { applyStsEvents, type StsEventItem } from "./apply-sts-event";
import { pauseAutomaticSending } from "../sts-settings/pause-automatic-sending";
import { createClientFor, loadStsCredentials } from "./sts-connection";
import type { Limiter } from "./pool";
import { parseStsRecord } from "./sts-view";

const MAX_POLL_DELAY_MS = 15 * 60_000;
// A receipt STS fails to hand over (transport fault) is asked for again at the next polls, up to this many attempts;
// after that the outcome is recorded without it rather than holding the documents back for ever.
export const RECEIPT_RETRY_ATTEMPTS = 12;

// Polls quickly at first (5 s, 10 s, 20 s …) and at least every 15 minutes afterwards.
export function nextPollDelayMs(attempts: number): number {
  return Math.min(5_000 * 2 ** attempts, MAX_POLL_DELAY_MS);
}

const CSV_HEADER =
  "CF PROPRIETARIO;COD REGIONE;COD ASL;COD SSA;PARTITA IVA;DATA EMISSIONE;DOCUMENTO FISCALE DISPOSITIVO;DOCUMENTO FISCALE NUMERO;TIPO SPESA;CODICE ERRORE;DESCRIZIONE ERRORE";

function errorsCsv(rows: StsErrorRow[]): Uint8Array<ArrayBuffer> {
  const lines = rows.map((r) =>
    [
      r.cfProprietario,
      "",
      "",
      "",
      r.pIva,
      r.dataEmissione.split("-").reverse().join("/"),
      r.dispositivo,
      r.numDocumento,
      r.tipoSpesa,
      r.code,
      r.description.replaceAll(";", ","),
    ].join(";"),
  );
  return new Uint8Array(new TextEncoder().encode([CSV_HEADER, ...lines].join("\r\n") + "\r\n"));
}

// Asks STS for the outcome of one uploaded batch; once processed, fetches the error detail and the receipt and
// sets every document's outcome. `leased` is the submission as pollDueSubmissions leased it: the lease ends with
// the poll's last write. Returns what happened, for logs and tests.
export async function pollSubmission(options: {
  db: Db;
  submissionId: string;
  now?: Date;
  leased?: LeasedSubmission;
  stsCalls?: Limiter;
}) {
  const { db, submissionId } = options;
  const now = options.now ?? new Date();
  const submission =
    options.leased ??
    (await db.stsSubmission.findUniqueOrThrow({
      where: { id: submissionId },
      select: { id: true, practitionerId: true, status: true, protocollo: true, attempts: true },
    }));
  if (submission.status !== "awaiting_outcome" || !submission.protocollo) return "not_pending" as const;
  const { practitionerId, protocollo } = submission;
  const release = options.leased ? { lockedBy: null, lockedUntil: null } : {};
  // The SOAP traffic of this poll, stored once with its last write.
  const exchanges: StsExchange[] = [];
  const later = async (attempts: number) => {
    await saveExchanges(db, practitionerId, submissionId, exchanges);
    await updateSubmission(db, submissionId, {
      attempts,
      nextPollAt: new Date(now.getTime() + nextPollDelayMs(attempts)),
      ...release,
    });
  };
  const credentials = await loadStsCredentials(db, practitionerId);
  if (!credentials) {
    await later(submission.attempts + 1);
    return "no_credentials" as const;
  }
  const client = createClientFor(credentials, { db, limit: options.stsCalls });
  const outcome = await client.getOutcome({ protocollo });
  exchanges.push(...outcome.exchanges);
  if (outcome.kind === "credentials")
    await pauseAutomaticSending({ db, practitionerId, reason: outcome.message, code: outcome.code, now });
  if (outcome.kind !== "accepted" && outcome.kind !== "accepted_with_warnings" && outcome.kind !== "rejected") {
    await later(submission.attempts + 1);
    return "processing" as const;
  }
  const s = outcome.submission;
  const byIdentity = new Map<string, StsCodeRef[]>();
  let rows: StsErrorRow[] = [];
  if (s.fileRejected || s.nErrori > 0 || s.nWarnings > 0) {
    const detail = await client.getErrorDetail(protocollo);
    exchanges.push(...detail.exchanges);
    if (detail.kind === "rejected" || detail.kind === "accepted_with_warnings") rows = detail.rows;
    else if (!s.fileRejected) {
      // The counts say there are codes but the detail is not readable yet: try again later.
      await later(submission.attempts + 1);
      return "processing" as const;
    }
    for (const row of rows) {
      const key = `${row.pIva}|${row.dataEmissione}|${row.dispositivo}|${row.numDocumento}`;
      const list = byIdentity.get(key) ?? [];
      list.push({ code: row.code, severity: row.info.severity, message: row.description });
      byIdentity.set(key, list);
    }
  }
  const receipt = await client.getReceipt(protocollo);
  exchanges.push(...receipt.exchanges);
  if (
    (receipt.kind === "transient" || receipt.kind === "credentials") &&
    submission.attempts < RECEIPT_RETRY_ATTEMPTS
  ) {
    await later(submission.attempts + 1);
    return "processing" as const;
  }
  await saveExchanges(db, practitionerId, submissionId, exchanges);

  const lines = (await findSubmissionLines(db, submissionId)).filter((line) => line.outcome === "pending");
  const invoices = await findStsInvoices(db, practitionerId, { ids: lines.map((line) => line.invoiceId) });
  const waiting = new Set(
    invoices.filter((invoice) => stillWaiting(invoice, submissionId)).map((invoice) => invoice.id),
  );
  let accepted = 0;
  let rejected = 0;
  const items: StsEventItem[] = [];
  for (const line of lines) {
    const codes = s.fileRejected
      ? [{ code: "WS37", severity: "error" as const, message: "File scartato, controllare la ricevuta PDF" }]
      : (byIdentity.get(line.identity) ?? []);
    const errors = codes.filter((c) => c.severity === "error");
    const warnings = codes.filter((c) => c.severity === "warning");
    const docOutcome =
      errors.length > 0
        ? ("rejected" as const)
        : warnings.length
          ? ("accepted_with_warnings" as const)
          : ("accepted" as const);
    if (errors.length > 0) rejected++;
    else accepted++;
    // A poll that died after saving this document's record but before its line: the record already has the
    // outcome, so only the line is completed (applying the event again would be refused and block the batch).
    if (!waiting.has(line.invoiceId)) {
      await setLineOutcomes(db, {
        submissionId,
        practitionerId,
        invoiceIds: [line.invoiceId],
        outcome: docOutcome,
        codes: JSON.stringify(codes),
      });
      continue;
    }
    const event: StsEvent = errors.length > 0 ? { type: "rejected", codes } : { type: "accepted", warnings };
    items.push({ invoiceId: line.invoiceId, event, outcome: docOutcome, codes });
  }
  await applyStsEvents(db, {
    practitionerId,
    submissionId,
    items,
    now,
    known: invoices.filter((i) => waiting.has(i.id)),
    credentialsConfigured: true,
  });
  await updateSubmission(db, submissionId, {
    status: "completed",
    outcome:
      rejected === 0
        ? s.nWarnings > 0
          ? "accepted_with_warnings"
          : "accepted"
        : accepted === 0
          ? "rejected"
          : "partially_rejected",
    stato: s.stato,
    nInviati: s.nInviati,
    nAccolti: s.nAccolti,
    nWarnings: s.nWarnings,
    nErrori: s.nErrori,
    receiptPdf: receipt.kind === "ok" ? new Uint8Array(receipt.pdf) : undefined,
    errorsCsv: rows.length ? errorsCsv(rows) : undefined,
    completedAt: now,
    nextPollAt: null,
    ...release,
  });
  return "completed" as const;
}

// Whether the document's record still waits for this submission's outcome.
function stillWaiting(invoice: StsInvoice, submissionId: string) {
  const record = parseStsRecord(invoice.stsRecord);
  return (
    (record.phase === "sending" || record.phase === "awaiting_outcome") && record.attempt?.submissionId === submissionId
  );
}
