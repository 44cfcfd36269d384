import type { DbOrTx } from "../db";

// The installation's encryption certificate per STS environment (installation-wide: no practitioner owns it).

export function findStsCertificate(db: DbOrTx, environment: string) {
  return db.stsCertificate.findUnique({ where: { environment } });
}

/** Installs a certificate; a rejection recorded for another certificate no longer applies to this one. */
export function saveStsCertificate(
  db: DbOrTx,
  environment: string,
  data: { pem: string; fingerprint: string; installedAt: Date },
) {
  return db.stsCertificate.upsert({
    where: { environment },
    create: { environment, ...data },
    update: data,
  });
}

/** Back to the certificate shipped with Parcella. */
export function removeStsCertificate(db: DbOrTx, environment: string) {
  return db.stsCertificate.updateMany({
    where: { environment },
    data: { pem: null, fingerprint: null, installedAt: null },
  });
}

/** STS answered 002 for a call encrypted with the certificate of this fingerprint; the first time is kept. */
export async function markStsCertificateRejected(db: DbOrTx, environment: string, fingerprint: string, at: Date) {
  await db.stsCertificate.upsert({
    where: { environment },
    create: { environment, rejectedAt: at, rejectedFingerprint: fingerprint },
    update: {},
  });
  await db.stsCertificate.updateMany({
    where: { environment, OR: [{ rejectedFingerprint: null }, { rejectedFingerprint: { not: fingerprint } }] },
    data: { rejectedAt: at, rejectedFingerprint: fingerprint },
  });
}

export function clearStsCertificateRejection(db: DbOrTx, environment: string) {
  return db.stsCertificate.updateMany({
    where: { environment, rejectedAt: { not: null } },
    data: { rejectedAt: null, rejectedFingerprint: null },
  });
}
