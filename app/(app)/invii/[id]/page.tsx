import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { ExchangeList } from "@/components/sts-log/exchange-list";
import { DocumentFilter } from "@/components/sts-log/document-filter";
import { SubmissionDocuments } from "@/components/sts-log/submission-documents";
import { SubmissionSummary } from "@/components/sts-log/submission-summary";
import styles from "@/components/sts-log/sts-log.module.css";
import { AppError } from "@/lib/app-error";
import { requireReaderPage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getSubmissionOrThrow } from "@/lib/services/sts-log/get-submission";
import { formatRomeDateTime } from "@/lib/presentation/sts-log/labels";
import { listSubmissionExchanges } from "@/lib/services/sts-log/list-submission-exchanges";
import { sendableDocumentsOf } from "@/lib/services/sts/resend-submission";
import { ResendButton } from "@/components/sts/resend-button";
import { StsAutoRefresh } from "@/components/sts/sts-auto-refresh";

export const metadata: Metadata = { title: "Invio STS" };

async function loadOr404<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

// "?documenti=scartati": only the documents STS refused or that did not go (a 25-document batch with 2 errors).
const NOT_ACCEPTED = new Set(["rejected", "failed"]);

export default async function SubmissionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ documenti?: string | string[] }>;
}) {
  // Also the accountant's (read-only): no resending.
  const { practitioner, accountant } = await requireReaderPage();
  const { id } = await params;
  const onlyRefused = (await searchParams).documenti === "scartati";
  const options = { db: db(), practitionerId: practitioner.id, submissionId: id };
  const submission = await loadOr404(getSubmissionOrThrow(options));
  const exchanges = await loadOr404(listSubmissionExchanges(options));
  const resendable = await sendableDocumentsOf(options);
  return (
    <>
      <p>
        <Link href="/invii">← Tutti gli invii</Link>
      </p>
      <div className="page-head">
        <h1>Invio del {formatRomeDateTime(submission.createdAt)}</h1>
      </div>
      <StsAutoRefresh active={submission.status === "awaiting_outcome" || submission.status === "uploading"} />
      <SubmissionSummary submission={submission} readOnly={accountant !== null} />
      <section className={styles.section} aria-labelledby="documenti">
        <h2 id="documenti">Documenti</h2>
        {!accountant && resendable.length > 0 ? (
          <ResendButton submissionId={submission.id} count={resendable.length} />
        ) : null}
        <DocumentFilter
          submissionId={submission.id}
          onlyRefused={onlyRefused}
          refused={submission.documents.filter((d) => NOT_ACCEPTED.has(d.outcome)).length}
          total={submission.documents.length}
        />
        <SubmissionDocuments
          documents={
            onlyRefused ? submission.documents.filter((d) => NOT_ACCEPTED.has(d.outcome)) : submission.documents
          }
          readOnly={accountant !== null}
        />
      </section>
      <ExchangeList exchanges={exchanges} />
    </>
  );
}
