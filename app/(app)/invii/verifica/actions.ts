"use server";

import { z } from "zod";
import { action } from "@/lib/actions/action";
import { db } from "@/lib/db";
import { cancelOnSts } from "@/lib/services/sts-reconciliation/cancel-on-sts";
import { fixAllDifferences, fixDifference } from "@/lib/services/sts-reconciliation/fix-difference";
import { reconcileYear } from "@/lib/services/sts-reconciliation/reconcile-year";

/** A payment year STS can hold (the service has existed since the 2015 expenses). */
const PaymentYear = z.number().int().min(2015).max(2100);
/** A difference's key (the document's STS identity and the kind of difference). */
const DifferenceKey = z.string().min(1).max(300);
const REVALIDATE = ["/invii/verifica", "/fatture", "/"];

export const verifyYearAction = action(
  { name: "sts-reconcile", args: z.tuple([PaymentYear]), revalidate: REVALIDATE },
  async ({ practitioner }, year) => {
    const result = await reconcileYear({ db: db(), practitionerId: practitioner.id, year });
    return { differences: result.differences.length };
  },
);

export const fixDifferenceAction = action(
  { name: "sts-reconcile-fix", args: z.tuple([PaymentYear, DifferenceKey]), revalidate: REVALIDATE },
  async ({ practitioner }, year, key) => {
    const { outcome } = await fixDifference({ db: db(), practitionerId: practitioner.id, year, key });
    return { outcome };
  },
);

export const fixAllDifferencesAction = action(
  { name: "sts-reconcile-fix-all", args: z.tuple([PaymentYear]), revalidate: REVALIDATE },
  async ({ practitioner }, year) => {
    const results = await fixAllDifferences({ db: db(), practitionerId: practitioner.id, year });
    return { fixed: results.length };
  },
);

/** Cancels on STS a document Parcella does not know; `confirmed` is the practitioner's separate, explicit consent. */
export const cancelOnStsAction = action(
  { name: "sts-reconcile-cancel", args: z.tuple([PaymentYear, DifferenceKey, z.boolean()]), revalidate: REVALIDATE },
  async ({ practitioner }, year, key, confirmed) => {
    const { outcome } = await cancelOnSts({ db: db(), practitionerId: practitioner.id, year, key, confirmed });
    return { outcome };
  },
);
