import type { DbOrTx } from "../../db";
import { hasIssuedDocument } from "../../data/invoices";
import { hasStsCredentials } from "../sts/refresh-sts-state";
import { getProfile } from "./get-profile";
import { isProfileComplete } from "./is-profile-complete";

export type FirstRunSteps = { profile: boolean; stsCredentials: boolean; firstInvoice: boolean };

/** Which of the three first steps the practitioner has done: the dashboard's checklist shows until all are. */
export async function getFirstRunSteps(options: { db: DbOrTx; practitionerId: string }): Promise<FirstRunSteps> {
  const { db, practitionerId } = options;
  const [profile, stsCredentials, issued] = await Promise.all([
    getProfile({ db, practitionerId }),
    hasStsCredentials(db, practitionerId),
    // Whether one exists, not how many: the home page asks on every visit.
    hasIssuedDocument(db, practitionerId),
  ]);
  return { profile: isProfileComplete(profile), stsCredentials, firstInvoice: issued };
}
