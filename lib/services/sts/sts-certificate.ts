import { readFileSync, statSync } from "node:fs";
import type { DbOrTx } from "../../db";
import {
  clearStsCertificateRejection,
  findStsCertificate,
  markStsCertificateRejected,
} from "../../data/sts-certificates";
import { env } from "../../env";
import { describeCertificate, readCertificateFile } from "../../sts/crypto/certificate-file";
import { stsEnvironment } from "./sts-connection";

export type StsCertificateSource = "file" | "installed" | "shipped";

/** The encryption certificate this process uses for its next call, and the installation's state around it. */
export type CurrentStsCertificate = {
  environment: string;
  pem: string;
  fingerprint: string;
  source: StsCertificateSource;
  installedAt: Date | null;
  /** STS answered 002 with this very certificate: sending is paused for the whole installation. */
  rejectedAt: Date | null;
  /** STS_CERTIFICATE_FILE is set but cannot be used (the next source is used instead). */
  fileProblem: string | null;
};

// Every web and worker process asks before each operation; the database is read at most once per FRESHNESS_MS per
// process, concurrent callers share that read, and the file is re-read only when its size or time changes. So an
// installed certificate is used from the next call on, everywhere, without a restart.
const FRESHNESS_MS = 1_000;
let cached: { value: CurrentStsCertificate; at: number } | null = null;
let pending: Promise<CurrentStsCertificate> | null = null;
let fileCache: { path: string; stamp: string; pem: string } | null = null;

export async function currentStsCertificate(db: DbOrTx): Promise<CurrentStsCertificate> {
  const environment = stsEnvironment().name;
  if (cached && cached.value.environment === environment && Date.now() - cached.at < FRESHNESS_MS) return cached.value;
  pending ??= resolve(db)
    .then((value) => {
      cached = { value, at: Date.now() };
      return value;
    })
    .finally(() => {
      pending = null;
    });
  return pending;
}

/** Forget what this process knows, so that its next call reads again (after an install in the same process). */
export function forgetStsCertificate(): void {
  cached = null;
}

async function resolve(db: DbOrTx): Promise<CurrentStsCertificate> {
  const environment = stsEnvironment();
  const row = await findStsCertificate(db, environment.name);
  const file = fileCertificate();
  const chosen: { pem: string; source: StsCertificateSource } =
    file.pem !== null
      ? { pem: file.pem, source: "file" }
      : row?.pem
        ? { pem: row.pem, source: "installed" }
        : { pem: environment.certificatePem, source: "shipped" };
  const fingerprint = describeCertificate(chosen.pem).fingerprint256;
  return {
    environment: environment.name,
    pem: chosen.pem,
    fingerprint,
    source: chosen.source,
    installedAt: chosen.source === "installed" ? (row?.installedAt ?? null) : null,
    rejectedAt: row?.rejectedAt && row.rejectedFingerprint === fingerprint ? row.rejectedAt : null,
    fileProblem: file.problem,
  };
}

function fileCertificate(): { pem: string | null; problem: string | null } {
  const path = env().STS_CERTIFICATE_FILE;
  if (!path) return { pem: null, problem: null };
  try {
    const stat = statSync(path);
    const stamp = `${stat.size}:${stat.mtimeMs}`;
    if (fileCache?.path !== path || fileCache.stamp !== stamp)
      fileCache = { path, stamp, pem: readCertificateFile(new Uint8Array(readFileSync(path))) };
    return { pem: fileCache.pem, problem: null };
  } catch (error) {
    return {
      pem: null,
      problem: `STS_CERTIFICATE_FILE (${path}) non è utilizzabile: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/**
 * What a call's result says about the certificate it was encrypted with: 002 means STS cannot decrypt it (recorded
 * once for the installation: sending pauses); any answer of STS's business layer means it could (a recorded
 * rejection of that same certificate is lifted).
 */
export async function noteCertificateResult(
  db: DbOrTx,
  used: CurrentStsCertificate,
  result: { kind: string; code?: string | null },
  now: Date,
): Promise<void> {
  if (result.kind === "credentials" && result.code === "002") {
    if (!used.rejectedAt) {
      await markStsCertificateRejected(db, used.environment, used.fingerprint, now);
      forgetStsCertificate();
    }
    return;
  }
  if (used.rejectedAt && !["credentials", "transient", "permanent"].includes(result.kind)) {
    await clearStsCertificateRejection(db, used.environment);
    forgetStsCertificate();
  }
}
