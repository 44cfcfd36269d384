import { createHash } from "node:crypto";
import type { StsCitizenReportRow } from "../../sts/client/query-types";
import { documentKey } from "../../sts/types";

/**
 * The same report read twice gives the same fingerprint: the document, the day of the report, its text and the
 * columns Parcella does not know. The columns that describe the document's current transmission (protocollo, payment
 * date, owner) are left out, so that a report read again after the practitioner corrected the document is not new.
 */
export function fingerprintOf(row: StsCitizenReportRow): string {
  const extra = Object.entries(row.extra).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash("sha256")
    .update(JSON.stringify([documentKey(row.id), row.dataSegnalazione, row.segnalazione, extra]))
    .digest("hex");
}
