import { AppError } from "../../app-error";
import type { Db } from "../../db";
import {
  findAccessesOfPractitioner,
  findLiveAccess,
  findLiveAccessesOfAccountant,
  hasLiveAccessAsAccountant,
  revokeAccessOf,
} from "../../data/accountant-access";

/** The practitioner's side: open invitations and accountants with access. */
export async function listAccountantAccess(options: { db: Db; practitionerId: string; now: Date }) {
  return findAccessesOfPractitioner(options.db, options);
}

// Revoking takes effect on the accountant's next request: every request looks the access up again.
export async function revokeAccountantAccess(options: { db: Db; practitionerId: string; accessId: string; now: Date }) {
  const revoked = await revokeAccessOf(options.db, {
    id: options.accessId,
    practitionerId: options.practitionerId,
    now: options.now,
  });
  if (!revoked) throw new AppError("not_found", "Accesso non trovato o già revocato.");
}

/** The accountant's side: the practices they may open. */
export async function listPracticesOfAccountant(options: { db: Db; accountantId: string }) {
  const accesses = await findLiveAccessesOfAccountant(options.db, options.accountantId);
  return accesses.map((a) => ({ accessId: a.id, practitioner: a.practitioner }));
}

/** Whether the account follows any practice as an accountant (its shell then links to them). */
export async function followsAnyPractice(options: { db: Db; accountantId: string }): Promise<boolean> {
  return hasLiveAccessAsAccountant(options.db, options.accountantId);
}

/** Switching practice: only to an access that is the accountant's and still live. */
export async function openPractice(options: { db: Db; accountantId: string; accessId: string }) {
  const access = await findLiveAccess(options.db, { id: options.accessId, accountantId: options.accountantId });
  if (!access) throw new AppError("not_found", "Accesso non trovato o revocato.");
  return access;
}
