import { db } from "../lib/db";
import { backupDir, backupKey, backupKeyFile, env } from "../lib/env";
import { runBackupIfDue } from "../lib/services/installation/run-backup";
import { runAutomaticReminders } from "../lib/services/mail/run-automatic-reminders";
import { pollDueSubmissions } from "../lib/services/sts/poll-due-submissions";
import { runAutomaticSending } from "../lib/services/sts/run-automatic-sending";
import { sweepStuck } from "../lib/services/sts/sweep-stuck";
import { runDailyCitizenReports } from "../lib/services/sts-citizen-reports/run-daily-citizen-reports";
import { runNightlyReconciliation } from "../lib/services/sts-reconciliation/run-nightly-reconciliation";

// The worker's schedules, declared as data (cron in Europe/Rome). Each job's name is stable; state lives in the
// database, so several workers can run the same schedules: claims and leases decide who does what.
export type JobContext = { slot: Date; workerId: string; log: (line: string) => void };
export type Schedule = {
  name: string;
  cron: string;
  /** Defaults to Europe/Rome. */
  timezone?: string;
  description: string;
  /** Keep the last run and its counts for the status page (jobs/worker.ts). */
  record?: boolean;
  run: (context: JobContext) => Promise<unknown>;
};

export const schedules: Schedule[] = [
  {
    name: "sts-automatic-sending",
    cron: "10 * * * *",
    // Minute 10 of every hour in Europe/Rome is minute 10 of every UTC hour (Italy's offsets are whole hours).
    // Scheduling it in UTC keeps one run per real hour across DST: in Europe/Rome node-cron skips the first
    // 02:10 of the autumn change (see jobs/schedules.test.ts).
    timezone: "UTC",
    description: "invio automatico al minuto 10 di ogni ora, lotti di massimo 25",
    record: true,
    run: ({ slot, log }) => runAutomaticSending({ db: db(), slot, concurrency: env().STS_CONCURRENCY, log }),
  },
  {
    name: "sts-outcomes",
    cron: "*/10 * * * * *",
    description: "esiti dei lotti in attesa (ogni 10 secondi quelli in scadenza, almeno ogni 15 minuti ciascuno)",
    run: ({ workerId, log }) => pollUntilDrained({ workerId, log }),
  },
  {
    name: "sts-sweep",
    // Every minute: an interrupted upload is settled within a few minutes of its process's death (the sweep's
    // stuck delay plus one run), never left "in verifica". Its queries are bounded and use the status index;
    // the re-evaluation of documents waiting for a date needs only every fifth run.
    cron: "* * * * *",
    description: "invii interrotti ed esiti incerti (ogni minuto), documenti in attesa di una data (ogni 5 minuti)",
    run: ({ slot, workerId, log }) =>
      sweepStuck({ db: db(), workerId, log, refreshWaiting: slot.getUTCMinutes() % 5 === 0 }),
  },
  {
    name: "backup",
    // Checked every hour, made when the newest backup is a day old: a computer switched off at night still gets
    // its daily backup soon after it is switched on (lib/services/installation/run-backup.ts).
    cron: "40 * * * *",
    description: "backup cifrato del database SQLite una volta al giorno, con prova di ripristino",
    run: () =>
      env().BACKUP_ENABLED
        ? runBackupIfDue({
            db: db(),
            databaseUrl: env().DATABASE_URL || undefined,
            folder: backupDir(),
            key: backupKey(),
            keyFile: backupKeyFile(),
            dataDir: env().dataDir,
            now: new Date(),
          })
        : Promise.resolve({ made: false, reason: "disabled" }),
  },
  {
    name: "sts-reconciliation",
    // At night, away from the hourly run's minute 10 and from the working day's manual sending.
    cron: "40 3 * * *",
    description:
      "verifica notturna su STS dei documenti inviati negli ultimi 7 giorni (differenze in elenco e in home)",
    run: ({ slot, log }) => runNightlyReconciliation({ db: db(), slot, concurrency: env().STS_CONCURRENCY, log }),
  },
  {
    name: "sts-citizen-reports",
    // Once a day, early in the morning: away from the hourly run's minute 10 and the nightly verification; a report
    // waits at most a day before the practitioner sees it ("Controlla ora" reads at once).
    cron: "20 6 * * *",
    description: "segnalazioni dei pazienti al Sistema TS ricevute dall'ultima lettura (ogni giorno alle 6:20)",
    record: true,
    run: ({ slot, log }) => runDailyCitizenReports({ db: db(), slot, concurrency: env().STS_CONCURRENCY, log }),
  },
  {
    name: "payment-reminders",
    // Once a day in the morning, when a patient is likely to read it; only for practitioners who turned it on.
    cron: "30 9 * * *",
    description: "promemoria di pagamento automatici (al massimo uno ogni N giorni per fattura, mai dopo il pagamento)",
    record: true,
    run: ({ log }) => runAutomaticReminders({ db: db(), now: () => new Date(), log }),
  },
];

// One tick takes due submissions a page at a time until a page comes back short (or a minute has passed), so a
// large backlog is not capped at one page every 10 seconds; overlapping ticks are skipped (noOverlap).
async function pollUntilDrained(options: { workerId: string; log: (line: string) => void }) {
  const started = Date.now();
  const total = { due: 0, completed: 0 };
  for (;;) {
    const page = await pollDueSubmissions({
      db: db(),
      workerId: options.workerId,
      concurrency: env().STS_CONCURRENCY,
      log: options.log,
      limit: POLL_PAGE,
    });
    total.due += page.due;
    total.completed += page.completed;
    if (page.due < POLL_PAGE || Date.now() - started > 60_000) return total;
  }
}
const POLL_PAGE = 200;

export function findSchedule(name: string): Schedule | undefined {
  return schedules.find((s) => s.name === name);
}
