import type { DbOrTx } from "../../db";
import { findStsCertificate, removeStsCertificate, saveStsCertificate } from "../../data/sts-certificates";
import { env } from "../../env";
import {
  CertificateFileError,
  describeCertificate,
  encryptionCertificateProblems,
  readCertificateFile,
  type EncryptionCertificateInfo,
} from "../../sts/crypto/certificate-file";
import { currentStsCertificate, forgetStsCertificate, type StsCertificateSource } from "./sts-certificate";

export type InstallStsCertificateResult =
  | {
      ok: true;
      environment: string;
      installed: EncryptionCertificateInfo;
      previous: EncryptionCertificateInfo & { source: StsCertificateSource };
      /** The public key differs from the one in use until now: STS changed key, not only the wrapper. */
      keyChanged: boolean;
      /** The very same certificate was already in use. */
      unchanged: boolean;
      /** STS_CERTIFICATE_FILE is set and wins over the installed certificate until it is removed. */
      overriddenByFile: boolean;
    }
  | { ok: false; problems: string[]; certificate: EncryptionCertificateInfo | null };

/**
 * Installs the encryption certificate STS publishes in a new kit (PEM, DER .cer or the kit's ZIP) for the configured
 * environment, in the database every web and worker process reads before each call: no release, no restart.
 * Refused when it is not a plausible SanitelCF certificate (encryptionCertificateProblems).
 */
export async function installStsCertificate(options: {
  db: DbOrTx;
  file: Uint8Array;
  now?: Date;
}): Promise<InstallStsCertificateResult> {
  const now = options.now ?? new Date();
  let installed: EncryptionCertificateInfo;
  try {
    installed = describeCertificate(readCertificateFile(options.file));
  } catch (error) {
    const message = error instanceof CertificateFileError ? error.message : "Il file non è un certificato leggibile.";
    return { ok: false, problems: [message], certificate: null };
  }
  const problems = encryptionCertificateProblems(installed, now);
  if (problems.length > 0) return { ok: false, problems, certificate: installed };

  const current = await currentStsCertificate(options.db);
  const previous = { ...describeCertificate(current.pem), source: current.source };
  await saveStsCertificate(options.db, current.environment, {
    pem: installed.pem,
    fingerprint: installed.fingerprint256,
    installedAt: now,
  });
  forgetStsCertificate();
  return {
    ok: true,
    environment: current.environment,
    installed,
    previous,
    keyChanged: installed.keyFingerprint256 !== previous.keyFingerprint256,
    unchanged: installed.fingerprint256 === previous.fingerprint256,
    overriddenByFile: Boolean(env().STS_CERTIFICATE_FILE),
  };
}

/** Goes back to the certificate shipped with Parcella for the configured environment. */
export async function removeInstalledStsCertificate(options: { db: DbOrTx }): Promise<{ removed: boolean }> {
  const environment = (await currentStsCertificate(options.db)).environment;
  const row = await findStsCertificate(options.db, environment);
  await removeStsCertificate(options.db, environment);
  forgetStsCertificate();
  return { removed: Boolean(row?.pem) };
}
