"use server";

import { z } from "zod";
import { publicAction } from "@/lib/actions/action";
import { db } from "@/lib/db";
import { registerPractitioner } from "@/lib/services/accounts/register-practitioner";

export const registerAction = publicAction(
  { name: "register", args: z.tuple([z.unknown()]), reason: "creates the account: there is no session yet" },
  async (_context, input) => {
    await registerPractitioner({ db: db(), input });
    return undefined;
  },
);
