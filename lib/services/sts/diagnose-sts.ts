import type { DbOrTx } from "../../db";
import { formatItalianDate } from "../../domain/dates";
import type { StsCredentials } from "../../sts/client/sts-client";
import { runStsDoctor, type DoctorReport } from "../../sts/doctor/run-doctor";
import { currentStsCertificate, noteCertificateResult } from "./sts-certificate";
import { loadStsCredentials, stsEnvironment, stsExtraCa, stsTimeouts } from "./sts-connection";

/**
 * "Diagnostica STS" for this installation: its STS environment, its certificate in use, its CA bundle and timeouts,
 * with the given credentials (none: the steps that need them are skipped). Nothing is sent to STS but a read-only
 * query. A PIN STS can decrypt lifts an installation pause for 002; a 002 records one, as any other call would.
 */
export async function diagnoseSts(options: {
  db: DbOrTx;
  credentials: StsCredentials | null;
  now?: () => Date;
}): Promise<DoctorReport> {
  const certificate = await currentStsCertificate(options.db);
  const report = await runStsDoctor({
    baseUrl: stsEnvironment().baseUrl,
    certificatePem: certificate.pem,
    certificateOrigin:
      certificate.source === "installed" && certificate.installedAt
        ? `installato il ${formatItalianDate(certificate.installedAt)}`
        : certificate.source === "file"
          ? "dal file di STS_CERTIFICATE_FILE"
          : "incluso in Parcella",
    credentials: options.credentials,
    connection: { extraCaPem: stsExtraCa() },
    checkTimeoutMs: stsTimeouts().check,
    now: options.now,
  });
  if (report.pinAccepted) await noteCertificateResult(options.db, certificate, { kind: "ok" }, new Date());
  else if (report.certificateRefused)
    await noteCertificateResult(options.db, certificate, { kind: "credentials", code: "002" }, new Date());
  return report;
}

/** The diagnosis with a practitioner's stored credentials (the settings page). */
export async function diagnoseStsForPractitioner(options: { db: DbOrTx; practitionerId: string }) {
  const credentials = await loadStsCredentials(options.db, options.practitionerId);
  return { report: await diagnoseSts({ db: options.db, credentials }), hasCredentials: credentials !== null };
}
