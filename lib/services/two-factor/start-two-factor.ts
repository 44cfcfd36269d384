import QRCode from "qrcode";
import { AppError } from "../../app-error";
import type { Db } from "../../db";
import { sealSecret } from "../../crypto/secret-box";
import { encryptionKey } from "../../env";
import { newTotpSecret, totpUri } from "../../auth/totp";
import { findPractitionerById } from "../../data/practitioners";
import { findTwoFactor, upsertPendingTwoFactor } from "../../data/two-factor";

export type TwoFactorEnrolment = {
  /** The QR code of the otpauth:// address, as an SVG data URL (allowed by the CSP's img-src data:). */
  qrCode: string;
  /** The same secret in letters, for an app that cannot scan (shown during the enrolment only). */
  secret: string;
};

// Starts (or starts again) turning two-factor authentication on: a new secret, sealed with the installation's key,
// kept pending until a first code proves the app has it (confirm-two-factor.ts). Once on, the secret is never shown
// again: starting over needs turning it off first.
export async function startTwoFactor(options: { db: Db; practitionerId: string }): Promise<TwoFactorEnrolment> {
  const { db, practitionerId } = options;
  const practitioner = await findPractitionerById(db, practitionerId);
  if (!practitioner) throw new AppError("not_found", "Account non trovato.");
  if ((await findTwoFactor(db, practitionerId))?.enabledAt) {
    throw new AppError("conflict", "La verifica in due passaggi è già attiva.");
  }
  const secret = newTotpSecret();
  await upsertPendingTwoFactor(db, practitionerId, sealSecret(secret, encryptionKey()));
  const svg = await QRCode.toString(totpUri(secret, practitioner.email), { type: "svg", margin: 1 });
  return { qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`, secret };
}
