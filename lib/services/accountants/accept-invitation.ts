import { AppError } from "../../app-error";
import type { Db } from "../../db";
import { claimInvitation, findAccessByTokenHash } from "../../data/accountant-access";
import { hashInvitationToken } from "./invite-accountant";

export type InvitationState = "open" | "used" | "expired" | "revoked" | "own";

const REFUSALS: Record<Exclude<InvitationState, "open">, string> = {
  used: "Questo invito è già stato usato: chiedi un nuovo link a chi ti ha invitato.",
  expired: "Questo invito è scaduto: chiedi un nuovo link a chi ti ha invitato.",
  revoked: "Questo invito è stato ritirato.",
  own: "Questo invito l'hai creato tu: va aperto dall'account del tuo commercialista.",
};

const NOT_FOUND = "Invito non trovato: controlla di aver copiato tutto il link.";

/** What the invitation page shows before the accountant accepts. */
export async function describeInvitation(options: { db: Db; token: string; accountId: string | null; now: Date }) {
  const access = await findAccessByTokenHash(options.db, hashInvitationToken(options.token));
  if (!access) return null;
  const state: InvitationState = access.revokedAt
    ? "revoked"
    : access.acceptedAt
      ? "used"
      : access.expiresAt <= options.now
        ? "expired"
        : access.practitionerId === options.accountId
          ? "own"
          : "open";
  return { practitionerName: access.practitioner.name, state, refusal: state === "open" ? null : REFUSALS[state] };
}

// The accountant, logged in with their own account, accepts: the invitation is bound to that account once and
// for all. Returns the access to open.
export async function acceptInvitation(options: { db: Db; token: string; accountantId: string; now: Date }) {
  const described = await describeInvitation({ ...options, accountId: options.accountantId });
  if (!described) throw new AppError("not_found", NOT_FOUND);
  if (described.refusal) throw new AppError("conflict", described.refusal);
  const access = await findAccessByTokenHash(options.db, hashInvitationToken(options.token));
  const claimed =
    access &&
    (await claimInvitation(options.db, { id: access.id, accountantId: options.accountantId, now: options.now }));
  if (!access || !claimed) throw new AppError("conflict", REFUSALS.used);
  return { accessId: access.id, practitionerName: access.practitioner.name };
}
