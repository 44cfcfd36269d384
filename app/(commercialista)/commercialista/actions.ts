"use server";

import { z } from "zod";
import { accountAction, Id } from "@/lib/actions/action";
import { setViewingAccess } from "@/lib/auth/viewing";
import { db } from "@/lib/db";
import { acceptInvitation } from "@/lib/services/accountants/accept-invitation";
import { openPractice } from "@/lib/services/accountants/manage-access";

// What an account does as an accountant: none of these touches a practice's data, so they are account actions,
// allowed while the session looks at a practice (the owner-only actions are refused then).

const Token = z.string().min(20).max(100);

export const acceptInvitationAction = accountAction(
  { name: "accept-invitation", args: z.tuple([Token]) },
  async ({ account }, token) => {
    const accepted = await acceptInvitation({ db: db(), token, accountantId: account.id, now: new Date() });
    await setViewingAccess(accepted.accessId);
    return undefined;
  },
);

export const openPracticeAction = accountAction(
  { name: "open-practice", args: z.tuple([Id]) },
  async ({ account }, accessId) => {
    const access = await openPractice({ db: db(), accountantId: account.id, accessId });
    await setViewingAccess(access.id);
    return undefined;
  },
);

/** Back to the account's own practice. */
export const leavePracticeAction = accountAction({ name: "leave-practice", args: z.tuple([]) }, async () => {
  await setViewingAccess(null);
  return undefined;
});
