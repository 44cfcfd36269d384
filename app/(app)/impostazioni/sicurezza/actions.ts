"use server";

import { z } from "zod";
import { action } from "@/lib/actions/action";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isTwoFactorRequired } from "@/lib/services/two-factor/required-two-factor";
import { confirmTwoFactor } from "@/lib/services/two-factor/confirm-two-factor";
import { disableTwoFactor } from "@/lib/services/two-factor/disable-two-factor";
import { startTwoFactor } from "@/lib/services/two-factor/start-two-factor";

// Starting and confirming do not revalidate the page: it would switch to "attiva" and unmount the form before the
// recovery codes are read. The form refreshes the page once they have been saved.
export const startTwoFactorAction = action({ name: "startTwoFactor", args: z.tuple([]) }, ({ practitioner }) =>
  startTwoFactor({ db: db(), practitionerId: practitioner.id }),
);

export const confirmTwoFactorAction = action(
  { name: "confirmTwoFactor", args: z.tuple([z.unknown()]) },
  ({ practitioner }, input) => confirmTwoFactor({ db: db(), practitionerId: practitioner.id, input }),
);

export const disableTwoFactorAction = action(
  { name: "disableTwoFactor", args: z.tuple([z.unknown()]), revalidate: ["/impostazioni/sicurezza"] },
  async ({ practitioner }, input) => {
    const e = env();
    const required = await isTwoFactorRequired({
      db: db(),
      practitioner,
      required: e.ADMIN_REQUIRE_2FA,
      adminEmail: e.ADMIN_EMAIL,
    });
    await disableTwoFactor({ db: db(), practitionerId: practitioner.id, input, required });
    return undefined;
  },
);
