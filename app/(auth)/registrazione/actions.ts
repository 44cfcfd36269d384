"use server";

import { toActionError, type ActionResult } from "@/lib/app-error";
import { db } from "@/lib/db";
import { registerPractitioner } from "@/lib/services/accounts/register-practitioner";

export async function registerAction(input: {
  name: string;
  email: string;
  password: string;
  passwordConfirm: string;
}): Promise<ActionResult> {
  try {
    await registerPractitioner({ db: db(), input });
    return { ok: true, data: undefined };
  } catch (error) {
    return toActionError(error, "register");
  }
}
