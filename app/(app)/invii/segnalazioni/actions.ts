"use server";

import { z } from "zod";
import { action, Id, type Revalidate } from "@/lib/actions/action";
import { db } from "@/lib/db";
import { fetchCitizenReports } from "@/lib/services/sts-citizen-reports/fetch-citizen-reports";
import { markReportHandled } from "@/lib/services/sts-citizen-reports/mark-report-handled";

// The list, every invoice page (a report shows on its invoice) and the dashboard's count.
const REVALIDATE: Revalidate[] = ["/invii/segnalazioni", ["/fatture/[id]", "page"], "/"];

export const checkCitizenReportsAction = action(
  { name: "sts-citizen-reports-check", args: z.tuple([]), revalidate: REVALIDATE },
  async ({ practitioner }) => {
    const reading = await fetchCitizenReports({ db: db(), practitionerId: practitioner.id });
    return { stored: reading.stored };
  },
);

export const markCitizenReportHandledAction = action(
  { name: "sts-citizen-report-handled", args: z.tuple([Id]), revalidate: REVALIDATE },
  async ({ practitioner }, reportId) => {
    await markReportHandled({ db: db(), practitionerId: practitioner.id, reportId });
  },
);
