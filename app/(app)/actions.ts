"use server";

import { z } from "zod";
import { accountAction } from "@/lib/actions/action";
import { setViewingAccess } from "@/lib/auth/viewing";
import { db } from "@/lib/db";
import { endSessions } from "@/lib/services/accounts/end-sessions";

// An account action: an accountant looking at a practice must be able to log out too.
export const logoutAction = accountAction({ name: "logout", args: z.tuple([]) }, async ({ account }) => {
  await endSessions({ db: db(), practitionerId: account.id });
  await setViewingAccess(null);
  return undefined;
});
