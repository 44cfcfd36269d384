import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../db";
import { createAccountantInvitation } from "../../data/accountant-access";

/** How long an invitation link can be accepted. */
export const INVITATION_VALIDITY_DAYS = 7;

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function invitationPath(token: string): string {
  return `/invito/${token}`;
}

// The practitioner invites an accountant: a link valid for a few days and usable once. Only the token's hash is
// stored, so the database alone cannot be used to accept an invitation. The link is handed back to be copied;
// when an e-mail outbox exists, this is where it would be queued (the token must not be logged).
export async function inviteAccountant(options: { db: Db; practitionerId: string; now: Date }) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(options.now.getTime() + INVITATION_VALIDITY_DAYS * 24 * 60 * 60 * 1000);
  const invitation = await createAccountantInvitation(options.db, {
    practitionerId: options.practitionerId,
    tokenHash: hashInvitationToken(token),
    expiresAt,
  });
  return { id: invitation.id, path: invitationPath(token), expiresAt: invitation.expiresAt };
}
