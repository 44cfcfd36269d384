"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { publicAction } from "@/lib/actions/action";
import { db } from "@/lib/db";
import { clientAddress } from "@/lib/http/client-address";
import { registerPractitioner } from "@/lib/services/accounts/register-practitioner";

export const registerAction = publicAction(
  { name: "register", args: z.tuple([z.unknown()]), reason: "creates the account: there is no session yet" },
  async (_context, input) => {
    await registerPractitioner({ db: db(), input, address: clientAddress(await headers()) });
    return undefined;
  },
);
