"use server";

import { z } from "zod";
import { action, Id } from "@/lib/actions/action";
import { db } from "@/lib/db";
import { inviteAccountant } from "@/lib/services/accountants/invite-accountant";
import { revokeAccountantAccess } from "@/lib/services/accountants/manage-access";

const PAGE = "/impostazioni/commercialista";

// The link is handed back to be copied (the path only: the browser knows the address it reached the app by).
export const inviteAccountantAction = action(
  { name: "invite-accountant", args: z.tuple([]), revalidate: [PAGE] },
  async ({ practitioner }) => {
    const invitation = await inviteAccountant({ db: db(), practitionerId: practitioner.id, now: new Date() });
    return { path: invitation.path, expiresAt: invitation.expiresAt.toISOString() };
  },
);

export const revokeAccountantAction = action(
  { name: "revoke-accountant", args: z.tuple([Id]), revalidate: [PAGE] },
  async ({ practitioner }, accessId) => {
    await revokeAccountantAccess({ db: db(), practitionerId: practitioner.id, accessId, now: new Date() });
    return undefined;
  },
);
