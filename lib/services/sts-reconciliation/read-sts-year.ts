import { AppError } from "../../app-error";
import type { StsClient } from "../../sts/client/sts-client";
import type { StsMonthlyReportRow } from "../../sts/client/query-types";
import { documentKey } from "../../sts/types";

export type StsYearRow = StsMonthlyReportRow & { identity: string };

/**
 * What STS holds for a payment year: ReportMensile month by month ("P": by payment date), up to the current month.
 * A month STS cannot give stops the whole reading: a comparison on part of the year would show false differences.
 */
export async function readStsYear(options: {
  client: StsClient;
  year: number;
  now: Date;
}): Promise<{ rows: StsYearRow[]; exchanges: Awaited<ReturnType<StsClient["getMonthlyReport"]>>["exchanges"] }> {
  const { client, year, now } = options;
  const lastMonth = year < now.getUTCFullYear() ? 12 : year === now.getUTCFullYear() ? now.getUTCMonth() + 1 : 0;
  const rows = new Map<string, StsYearRow>();
  const exchanges = [];
  for (let month = 1; month <= lastMonth; month++) {
    const result = await client.getMonthlyReport({
      month: `${year}-${String(month).padStart(2, "0")}`,
      tipoEstrazione: "P",
    });
    exchanges.push(...result.exchanges);
    if (result.kind !== "ok") {
      throw new AppError(
        result.kind === "credentials" ? "sts_credentials" : "sts_unavailable",
        `Il Sistema TS non ha dato il report di ${String(month).padStart(2, "0")}/${year}: ${result.message}`,
      );
    }
    for (const row of result.rows) rows.set(documentKey(row.id), { ...row, identity: documentKey(row.id) });
  }
  return { rows: [...rows.values()], exchanges };
}
