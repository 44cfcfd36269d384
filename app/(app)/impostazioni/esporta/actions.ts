"use server";

import { z } from "zod";
import { action } from "@/lib/actions/action";
import { db } from "@/lib/db";
import { startExport } from "@/lib/services/export/run-export";

export const startExportAction = action(
  { name: "export-start", args: z.tuple([]), revalidate: ["/impostazioni/esporta"] },
  async ({ practitioner }) => startExport({ db: db(), practitionerId: practitioner.id }),
);
