import type { Db } from "../lib/db";
import { openSecret, openSecretWithAny, sealSecret } from "../lib/crypto/secret-box";

// Key rotation for the secrets at rest (STS password and PIN, SMTP password, two-factor secrets), see docs/RELIABILITY.md:
//   1. stop the worker; set PARCELLA_ENCRYPTION_KEY_PREVIOUS=<old key> and PARCELLA_ENCRYPTION_KEY=<new key>;
//   2. `npx tsx scripts/rotate-key.ts` re-seals every stored secret with the new key (idempotent: a secret that
//      already opens with the new key is left alone; one that opens with neither key is reported, not touched);
//   3. remove PARCELLA_ENCRYPTION_KEY_PREVIOUS and start again.
export async function rotateEncryptionKey(options: { db: Db; current: Buffer; previous: Buffer[] }) {
  const { db, current } = options;
  const rows = await db.stsSettings.findMany({ select: { practitionerId: true, passwordEnc: true, pincodeEnc: true } });
  const summary = { settings: rows.length, resealed: 0, alreadyCurrent: 0, unreadable: [] as string[] };
  for (const row of rows) {
    const fields = { passwordEnc: row.passwordEnc, pincodeEnc: row.pincodeEnc };
    const update: Partial<Record<keyof typeof fields, string>> = {};
    let unreadable = false;
    for (const [field, sealed] of Object.entries(fields) as Array<[keyof typeof fields, string | null]>) {
      if (!sealed) continue;
      if (opens(sealed, current)) continue;
      try {
        update[field] = sealSecret(openSecretWithAny(sealed, options.previous), current);
      } catch {
        unreadable = true;
      }
    }
    if (unreadable) summary.unreadable.push(row.practitionerId);
    if (Object.keys(update).length === 0) {
      if (!unreadable) summary.alreadyCurrent++;
      continue;
    }
    // Only if nobody saved new credentials meanwhile (the stored values are still the ones read).
    await db.stsSettings.updateMany({
      where: { practitionerId: row.practitionerId, passwordEnc: row.passwordEnc, pincodeEnc: row.pincodeEnc },
      data: update,
    });
    summary.resealed++;
  }
  return {
    ...summary,
    mail: await rotateMailPasswords(db, current, options.previous),
    twoFactor: await rotateTwoFactorSecrets(db, current, options.previous, summary.unreadable),
  };
}

// Two-factor secrets: one per account; unreadable ones are reported with the account's id, like the settings.
async function rotateTwoFactorSecrets(db: Db, current: Buffer, previous: Buffer[], unreadable: string[]) {
  const secrets = await db.twoFactor.findMany({ select: { practitionerId: true, secretEnc: true } });
  const twoFactor = { secrets: secrets.length, resealed: 0 };
  for (const row of secrets) {
    if (opens(row.secretEnc, current)) continue;
    let resealed: string;
    try {
      resealed = sealSecret(openSecretWithAny(row.secretEnc, previous), current);
    } catch {
      unreadable.push(row.practitionerId);
      continue;
    }
    // Only if the secret was not replaced meanwhile (a new enrolment).
    const { count } = await db.twoFactor.updateMany({
      where: { practitionerId: row.practitionerId, secretEnc: row.secretEnc },
      data: { secretEnc: resealed },
    });
    twoFactor.resealed += count;
  }
  return twoFactor;
}

// The SMTP passwords of Impostazioni → E-mail, sealed the same way.
async function rotateMailPasswords(db: Db, current: Buffer, previous: Buffer[]) {
  const rows = await db.mailSettings.findMany({
    where: { smtpPasswordEnc: { not: null } },
    select: { practitionerId: true, smtpPasswordEnc: true },
  });
  const summary = { resealed: 0, unreadable: [] as string[] };
  for (const row of rows) {
    if (opens(row.smtpPasswordEnc!, current)) continue;
    let resealed: string;
    try {
      resealed = sealSecret(openSecretWithAny(row.smtpPasswordEnc!, previous), current);
    } catch {
      summary.unreadable.push(row.practitionerId);
      continue;
    }
    await db.mailSettings.updateMany({
      where: { practitionerId: row.practitionerId, smtpPasswordEnc: row.smtpPasswordEnc },
      data: { smtpPasswordEnc: resealed },
    });
    summary.resealed++;
  }
  return summary;
}

function opens(sealed: string, key: Buffer) {
  try {
    openSecret(sealed, key);
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const { db } = await import("../lib/db");
  const { decryptionKeys, encryptionKey, env } = await import("../lib/env");
  if (!env().PARCELLA_ENCRYPTION_KEY_PREVIOUS) {
    console.error("Imposta PARCELLA_ENCRYPTION_KEY_PREVIOUS (la chiave vecchia) e PARCELLA_ENCRYPTION_KEY (la nuova).");
    process.exit(2);
  }
  const summary = await rotateEncryptionKey({
    db: db(),
    current: encryptionKey(),
    previous: decryptionKeys().slice(1),
  });
  console.log(JSON.stringify(summary));
  await db().$disconnect();
  if (summary.unreadable.length) process.exit(1);
}

if (process.argv[1] && /rotate-key\.ts$/.test(process.argv[1])) void main();
