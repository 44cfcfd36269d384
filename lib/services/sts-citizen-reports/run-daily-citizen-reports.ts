import type { Db } from "../../db";
import { claimCitizenReportFetch } from "../../data/sts-citizen-reports";
import { isoDate } from "../../domain/dates";
import { runClaimed } from "../sts/claimed-runs";
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
  const summary = { practitioners: 0, read: 0, stored: 0, failed: 0 };
  summary.failed = await runClaimed(practitioners, {
    concurrency: options.concurrency,
    claim: ({ practitionerId }) => claimCitizenReportFetch(db, practitionerId, slot, firstReadingFrom(now)),
    run: async ({ practitionerId }, limit) => {
      const reading = await fetchCitizenReports({ db, practitionerId, now, limit });
      summary.practitioners++;
      summary.read += reading.read;
      summary.stored += reading.stored;
    },
    subject: ({ practitionerId }) => `citizen reports of ${practitionerId}`,
    log: options.log,
  });
  options.log?.(`citizen reports ${isoDate(slot)}: ${JSON.stringify(summary)}`);
  return summary;
}
