"use server";

import { z } from "zod";
import { action } from "@/lib/actions/action";
import { db } from "@/lib/db";
import { saveFiguresSettings } from "@/lib/services/figures/save-figures-settings";

export const saveFiguresSettingsAction = action(
  { name: "figures-settings", args: z.tuple([z.unknown()]), revalidate: ["/cifre"] },
  ({ practitioner }, input) => saveFiguresSettings({ db: db(), practitionerId: practitioner.id, input }),
);
