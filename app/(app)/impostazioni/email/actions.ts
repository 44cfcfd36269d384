"use server";

import { z } from "zod";
import { action } from "@/lib/actions/action";
import { db } from "@/lib/db";
import { saveMailSettings } from "@/lib/services/mail/save-mail-settings";

export const saveMailSettingsAction = action(
  { name: "mail-settings", args: z.tuple([z.unknown()]), revalidate: ["/impostazioni/email", "/posta", "/promemoria"] },
  ({ practitioner }, input) => saveMailSettings({ db: db(), practitionerId: practitioner.id, input }),
);
