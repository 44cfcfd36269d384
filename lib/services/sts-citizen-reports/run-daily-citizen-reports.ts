import type { Db } from "../../db";
import { claimCitizenReportFetch } from "../../data/sts-citizen-reports";
import { isoDate } from "../../domain/dates";
import { createLimiter, inPool } from "../sts/pool";
import { fetchCitizenReports, firstReadingFrom } from "./fetch-citizen-reports";

/**
 * The daily reading of citizens' reports: for every practitioner with STS credentials (automatic sending not paused
 * after a credentials failure), the reports received since their last reading. Calls toward STS share one bound
 * (`concurrency`, the installation's STS_CONCURRENCY) like the other jobs; each practitioner is claimed for the
 * slot, so two workers on the same schedule never read the same practitioner twice.
 */
export async function runDailyCitizenReports(options: {
  db: Db;
  slot: Date;
  concurrency: number;
  practitionerIds?: string[];
  now?: Date;
  log?: (line: string) => void;
}) {
  const { db, slot } = options;
  const now = options.now ?? new Date();
  const practitioners = await db.stsSettings.findMany({
    where: {
      pausedAt: null,
      cfTitolare: { not: null },
      passwordEnc: { not: null },
      pincodeEnc: { not: null },
      ...(options.practitionerIds ? { practitionerId: { in: options.practitionerIds } } : {}),
    },
    select: { practitionerId: true },
  });
  const limit = createLimiter(options.concurrency);
  const summary = { practitioners: 0, read: 0, stored: 0, failed: 0 };
  await inPool(practitioners, options.concurrency, async ({ practitionerId }) => {
    if (!(await claimCitizenReportFetch(db, practitionerId, slot, firstReadingFrom(now)))) return;
    try {
      const reading = await fetchCitizenReports({ db, practitionerId, now, limit });
      summary.practitioners++;
      summary.read += reading.read;
      summary.stored += reading.stored;
    } catch (error) {
      summary.failed++;
      options.log?.(
        `citizen reports of ${practitionerId} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  });
  options.log?.(`citizen reports ${isoDate(slot)}: ${JSON.stringify(summary)}`);
  return summary;
}
