import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ExchangeList } from "@/components/sts-log/exchange-list";
import { SubmissionDocuments } from "@/components/sts-log/submission-documents";
import { SubmissionSummary } from "@/components/sts-log/submission-summary";
import styles from "@/components/sts-log/sts-log.module.css";
import { AppError } from "@/lib/app-error";
import { requirePractitionerPage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getSubmissionOrThrow } from "@/lib/services/sts-log/get-submission";
import { formatRomeDateTime } from "@/lib/services/sts-log/labels";
import { listSubmissionExchanges } from "@/lib/services/sts-log/list-submission-exchanges";

export const metadata: Metadata = { title: "Invio STS" };

async function loadOr404<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function SubmissionPage({ params }: { params: Promise<{ id: string }> }) {
  const practitioner = await requirePractitionerPage();
  const { id } = await params;
  const options = { db: db(), practitionerId: practitioner.id, submissionId: id };
  const submission = await loadOr404(getSubmissionOrThrow(options));
  const exchanges = await loadOr404(listSubmissionExchanges(options));
  return (
    <>
      <p>
        <Link href="/invii">← Tutti gli invii</Link>
      </p>
      <div className="page-head">
        <h1>Invio del {formatRomeDateTime(submission.createdAt)}</h1>
      </div>
      <SubmissionSummary submission={submission} />
      <section className={styles.section} aria-labelledby="documenti">
        <h2 id="documenti">Documenti</h2>
        {/*
          RESEND SLOT — "Invia di nuovo i documenti corretti".
          The STS transmission work wires a button here that re-sends this submission's rejected/failed documents
          once the user has fixed them. Intentionally renders nothing until then.
        */}
        <SubmissionDocuments documents={submission.documents} />
      </section>
      <ExchangeList exchanges={exchanges} />
    </>
  );
}
