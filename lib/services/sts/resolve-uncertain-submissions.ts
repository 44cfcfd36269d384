import type { Db } from "../../db";
import { findStsInvoices, type StsInvoice } from "../../data/sts-documents";
import { saveExchanges } from "../../data/sts-exchanges";
import { findStsSettings } from "../../data/sts-settings";
import {
  findSubmissionLines,
  leaseUncertainSubmissions,
  releaseLeases,
  setLineOutcomes,
  updateSubmission,
  type LeasedSubmission,
  type SubmissionLine,
} from "../../data/sts-worker-sql";
import { EMPTY_RECORD, type StsRecord } from "../../domain/sts/record";
import { MAX_BATCH } from "./claim-documents";
import { pauseAutomaticSending } from "../sts-settings/pause-automatic-sending";
import { applyStsEvent } from "./apply-sts-event";
import { resolveUncertainDocument, type AskSts } from "./resolve-uncertain-document";
import { createClientFor, effectiveStsTimeouts, loadStsCredentials } from "./sts-connection";
import { parseStsRecord } from "./sts-view";

// Long enough to ask about every document of a full batch at the worst STS latency (each question is a single-document
// call or a query): a worker that dies while resolving leaves the submission to another after this delay.
const leaseMs = () => {
  const timeouts = effectiveStsTimeouts();
  return MAX_BATCH * Math.max(timeouts.document, timeouts.query) + 60_000;
};

// Every uncertain submission (an upload that may or may not have reached STS) is resolved in one pass of the
// sweep: each of its documents still waiting for it is settled by asking STS (resolveUncertainDocument), and once
// none waits the submission gets its final state — "completed" with the documents' outcomes, or "failed" when
// none reached STS. While STS cannot answer (unreachable, or the credentials refused: automatic sending is paused
// and nothing is asked until "Verifica credenziali" passes, so as not to lock the STS account) it stays
// uncertain and the next pass asks again; when STS does not answer at all the run stops there (it is down for
// everyone: the next run, a minute later, tries again) instead of waiting for a timeout per document. Submissions
// are leased one at a time, oldest first, so two workers never resolve the same one.
export async function resolveUncertainSubmissions(options: {
  db: Db;
  workerId: string;
  now: Date;
  limit: number;
  ask?: AskSts;
  log?: (line: string) => void;
}) {
  const { db, workerId, now } = options;
  const summary = { submissions: 0, documents: 0, completed: 0 };
  // Submissions left unsettled keep their lease until the end of the run, so the next lease takes another one.
  const unsettled: string[] = [];
  while (summary.submissions < options.limit) {
    const [submission] = await leaseUncertainSubmissions(db, {
      workerId,
      now,
      until: new Date(now.getTime() + leaseMs()),
      limit: 1,
    });
    if (!submission) break;
    summary.submissions++;
    try {
      const result = await resolveSubmission(db, submission, options);
      summary.documents += result.documents;
      if (result.completed) summary.completed++;
      else unsettled.push(submission.id);
      if (result.stsDown) break;
    } catch (error) {
      unsettled.push(submission.id);
      options.log?.(`resolving ${submission.id} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  await releaseLeases(db, workerId, unsettled);
  return summary;
}

async function resolveSubmission(
  db: Db,
  submission: LeasedSubmission,
  options: Parameters<typeof resolveUncertainSubmissions>[0],
) {
  const { practitionerId, id: submissionId } = submission;
  const { now } = options;
  let documents = 0;
  const settings = await findStsSettings(db, practitionerId);
  const credentials = settings?.pausedAt ? null : await loadStsCredentials(db, practitionerId);
  for (const invoice of await waitingDocuments(db, submission)) {
    let record = parseStsRecord(invoice.stsRecord);
    // The process died between claiming the document and learning anything: its attempt is uncertain too.
    if (record.phase === "sending") {
      await applyStsEvent(db, {
        practitionerId,
        invoiceId: invoice.id,
        submissionId,
        event: { type: "outcome_unknown" },
        now,
      });
      record = { ...record, phase: "uncertain" };
    }
    if (record.phase !== "uncertain" || !record.attempt || !credentials) continue;
    const client = createClientFor(credentials, { db });
    const resolution = await resolveUncertainDocument({ client, invoice, attempt: record.attempt, ask: options.ask });
    await saveExchanges(db, practitionerId, submissionId, resolution.exchanges);
    if (resolution.credentialsRefused) {
      await pauseAutomaticSending({ db, practitionerId, reason: resolution.credentialsRefused, now });
      break;
    }
    const decision = resolution.decision;
    if (decision.resolution === "wait") {
      if (resolution.unreachable) return { documents, completed: false, stsDown: true };
      continue;
    }
    await applyStsEvent(db, {
      practitionerId,
      invoiceId: invoice.id,
      submissionId,
      event: decision.event,
      outcome: decision.outcome,
      codes: decision.codes,
      now,
    });
    documents++;
    options.log?.(`uncertain ${record.attempt.operation} of ${invoice.id} resolved: ${decision.resolution}`);
  }
  return { documents, completed: await completeIfSettled(db, submission, now), stsDown: false };
}

/** The submission's documents whose record still waits for it (claimed, or uncertain, for this submission). */
async function waitingDocuments(db: Db, submission: LeasedSubmission): Promise<StsInvoice[]> {
  const lines = (await findSubmissionLines(db, submission.id)).filter((line) => line.outcome === "pending");
  const ids = lines.map((line) => line.invoiceId);
  const invoices = await findStsInvoices(db, submission.practitionerId, { ids });
  return invoices.filter((invoice) => waitsFor(parseStsRecord(invoice.stsRecord), submission.id));
}

function waitsFor(record: StsRecord, submissionId: string) {
  return record.attempt?.submissionId === submissionId && ["sending", "uncertain"].includes(record.phase);
}

// Once no document waits for it, the submission gets its final state from its lines. A line still "pending"
// whose document moved on (its outcome was saved, the process died before the line) takes what the record says:
// accepted when STS holds (or cancelled) what the line sent, else failed — a document STS holds is never an error.
async function completeIfSettled(db: Db, submission: LeasedSubmission, now: Date) {
  const lines = await findSubmissionLines(db, submission.id);
  const pending = lines.filter((line) => line.outcome === "pending");
  const invoices = await findStsInvoices(db, submission.practitionerId, { ids: pending.map((l) => l.invoiceId) });
  const records = new Map(invoices.map((invoice) => [invoice.id, parseStsRecord(invoice.stsRecord)]));
  if (pending.some((line) => waitsFor(records.get(line.invoiceId) ?? EMPTY_RECORD, submission.id))) return false;
  for (const line of pending) {
    line.outcome = landed(records.get(line.invoiceId), line) ? "accepted" : "failed";
    await setLineOutcomes(db, {
      submissionId: submission.id,
      practitionerId: submission.practitionerId,
      invoiceIds: [line.invoiceId],
      outcome: line.outcome,
    });
  }
  const count = (...outcomes: string[]) => lines.filter((l) => outcomes.includes(l.outcome)).length;
  const accepted = count("accepted", "accepted_with_warnings");
  const rejected = count("rejected");
  const outcome =
    lines.length === 0
      ? "failed"
      : accepted === lines.length
        ? count("accepted_with_warnings") > 0
          ? "accepted_with_warnings"
          : "accepted"
        : accepted === 0 && rejected === 0
          ? "failed"
          : accepted === 0 && rejected === lines.length
            ? "rejected"
            : "partially_rejected";
  await updateSubmission(db, submission.id, {
    status: outcome === "failed" ? "failed" : "completed",
    outcome,
    nInviati: lines.length,
    nAccolti: accepted,
    nWarnings: count("accepted_with_warnings"),
    nErrori: rejected,
    errorCode: null,
    errorMessage: "Invio interrotto: l'esito di ogni documento è stato verificato con il Sistema TS.",
    completedAt: now,
    lockedBy: null,
    lockedUntil: null,
  });
  return true;
}

function landed(record: StsRecord | undefined, line: SubmissionLine) {
  if (!record) return false;
  if (line.operation === "C") return record.cancelled.includes(line.identity);
  return record.held?.identity === line.identity && record.held.version >= line.version;
}
