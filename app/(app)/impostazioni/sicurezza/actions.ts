"use server";

import { z } from "zod";
import { action } from "@/lib/actions/action";
import { db } from "@/lib/db";
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
    await disableTwoFactor({ db: db(), practitionerId: practitioner.id, input });
    return undefined;
  },
);
