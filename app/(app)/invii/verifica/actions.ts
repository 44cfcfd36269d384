"use server";

import { revalidatePath } from "next/cache";
import { AppError, toActionError, type ActionResult } from "@/lib/app-error";
import { requirePractitioner } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { fixAllDifferences, fixDifference } from "@/lib/services/sts-reconciliation/fix-difference";
import { reconcileYear } from "@/lib/services/sts-reconciliation/reconcile-year";

function paymentYear(value: unknown): number {
  const year = Number(value);
  if (!Number.isInteger(year) || year < 2015 || year > 2100) throw new AppError("validation", "Anno non valido.");
  return year;
}

function refresh() {
  revalidatePath("/invii/verifica");
  revalidatePath("/fatture");
  revalidatePath("/");
}

export async function verifyYearAction(year: number): Promise<ActionResult<{ differences: number }>> {
  try {
    const practitioner = await requirePractitioner();
    const result = await reconcileYear({ db: db(), practitionerId: practitioner.id, year: paymentYear(year) });
    refresh();
    return { ok: true, data: { differences: result.differences.length } };
  } catch (error) {
    return toActionError(error, "sts-reconcile");
  }
}

export async function fixDifferenceAction(year: number, key: string): Promise<ActionResult<{ outcome: string }>> {
  try {
    const practitioner = await requirePractitioner();
    const { outcome } = await fixDifference({
      db: db(),
      practitionerId: practitioner.id,
      year: paymentYear(year),
      key: String(key),
    });
    refresh();
    return { ok: true, data: { outcome } };
  } catch (error) {
    return toActionError(error, "sts-reconcile-fix");
  }
}

export async function fixAllDifferencesAction(year: number): Promise<ActionResult<{ fixed: number }>> {
  try {
    const practitioner = await requirePractitioner();
    const results = await fixAllDifferences({ db: db(), practitionerId: practitioner.id, year: paymentYear(year) });
    refresh();
    return { ok: true, data: { fixed: results.length } };
  } catch (error) {
    return toActionError(error, "sts-reconcile-fix-all");
  }
}
