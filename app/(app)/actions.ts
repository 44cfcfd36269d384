"use server";

import { z } from "zod";
import { action } from "@/lib/actions/action";
import { db } from "@/lib/db";
import { endSessions } from "@/lib/services/accounts/end-sessions";

export const logoutAction = action({ name: "logout", args: z.tuple([]) }, async ({ practitioner }) => {
  await endSessions({ db: db(), practitionerId: practitioner.id });
  return undefined;
});
