"use server";

import { z } from "zod";
import { action } from "@/lib/actions/action";
import { db } from "@/lib/db";
import { saveProfile } from "@/lib/services/profile/save-profile";

export const saveProfileAction = action(
  { name: "saveProfile", args: z.tuple([z.unknown()]), revalidate: [["/impostazioni", "layout"]] },
  async ({ practitioner }, input) => {
    await saveProfile({ db: db(), practitionerId: practitioner.id, input });
    return undefined;
  },
);
