// Everything the installation's administrator needs to know at a glance, judged green/amber/red
// (lib/domain/installation-health.ts) and said in plain Italian.
import { statfs } from "node:fs/promises";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { committedMigrations, pendingNames } from "../../db-migrations.mjs";
import { LAUNCHER_STATUS_FILE, type LauncherStatus } from "../../supervision";
import { findMigrationRecords } from "../../data/installation";
import { DUMP_JOB } from "./report-dump";
import { findJobRuns } from "../../data/job-runs";
import { findLatestHeartbeat } from "../../data/worker-heartbeats";
import type { DbOrTx } from "../../db";
import {
  backupLevel,
  dumpLevel,
  certificateLevel,
  diskLevel,
  drillLevel,
  heartbeatLevel,
  hourlyRunLevel,
  overallLevel,
  pendingMigrationsLevel,
  type HealthLevel,
} from "../../domain/installation-health";
import { checkCertificateValidity } from "../../sts/crypto/certificate";
import { currentStsCertificate } from "../sts/sts-certificate";
import { appVersion } from "./app-version";

export type StatusCheck = { key: string; label: string; level: HealthLevel; text: string };
export type InstallationStatus = { overall: HealthLevel; checks: StatusCheck[] };

export type StatusOptions = {
  db: DbOrTx;
  now: Date;
  provider: "sqlite" | "postgresql";
  dataDir: string;
  backupDir: string;
  backupsEnabled: boolean;
};

const when = (date: Date) =>
  new Intl.DateTimeFormat("it-IT", {
    timeZone: "Europe/Rome",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(date);

function ago(date: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - date.getTime()) / 60_000));
  if (minutes < 1) return "meno di un minuto fa";
  if (minutes < 60) return minutes === 1 ? "1 minuto fa" : `${minutes} minuti fa`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return hours === 1 ? "1 ora fa" : `${hours} ore fa`;
  return `${Math.round(hours / 24)} giorni fa`;
}

function parse(summary: string | null | undefined): Record<string, unknown> {
  try {
    return summary ? (JSON.parse(summary) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

async function readLauncherStatus(dataDir: string): Promise<LauncherStatus | null> {
  try {
    return JSON.parse(await readFile(join(dataDir, LAUNCHER_STATUS_FILE), "utf8")) as LauncherStatus;
  } catch {
    return null;
  }
}

// The run's numeric counts as they come ("sent: 3, failed: 0"), for the administrator and support.
function counts(summary: Record<string, unknown>): string {
  const parts = Object.entries(summary)
    .filter(([, v]) => typeof v === "number")
    .map(([k, v]) => `${k} ${v}`);
  return parts.length > 0 ? ` (conteggi: ${parts.join(", ")})` : "";
}

const GB = 1024 ** 3;
const gigabytes = (bytes: number) => `${(bytes / GB).toLocaleString("it-IT", { maximumFractionDigits: 1 })} GB`;

export async function installationStatus(options: StatusOptions): Promise<InstallationStatus> {
  const { db, now } = options;
  const checks: StatusCheck[] = [];

  checks.push({
    key: "version",
    label: "Versione",
    level: "ok",
    text: `Parcella ${appVersion()} su Node.js ${process.versions.node}.`,
  });
  checks.push({
    key: "database",
    label: "Database",
    level: "ok",
    text: options.provider === "sqlite" ? `SQLite (incorporato), nella cartella ${options.dataDir}.` : "PostgreSQL.",
  });

  // Worker: its heartbeat, and what the launcher saw (restarts, a crash loop).
  const beat = await findLatestHeartbeat(db);
  const launcher = await readLauncherStatus(options.dataDir);
  const crashLoops = Object.entries(launcher?.processes ?? {}).filter(([, p]) => p.crashLoop);
  let workerLevel = heartbeatLevel(beat?.beatAt ?? null, now);
  let workerText = beat
    ? `Ultimo segnale ${ago(beat.beatAt, now)} (${when(beat.beatAt)}), dal processo ${beat.hostname}:${beat.pid}.`
    : "Nessun worker ha mai dato segni di vita: gli invii automatici e i backup non partono.";
  if (beat && workerLevel === "error") {
    workerText +=
      " Il worker sembra fermo: gli invii automatici, gli esiti e i backup non vanno avanti. Riavvia Parcella.";
  }
  if (crashLoops.length > 0) {
    workerLevel = "error";
    workerText += ` Si riavvia in continuazione: ${crashLoops.map(([name, p]) => `${name} (${p.restarts} riavvii, ultimo motivo: ${p.lastExit?.reason ?? "?"})`).join(", ")}. Guarda il registro di npm start.`;
  }
  checks.push({ key: "worker", label: "Worker (attività pianificate)", level: workerLevel, text: workerText });

  const runs = await findJobRuns(db, ["sts-automatic-sending", "backup", "backup-drill", DUMP_JOB]);
  const hourly = runs.get("sts-automatic-sending") ?? null;
  const hourlyCounts = parse(hourly?.summary);
  checks.push({
    key: "hourly",
    label: "Invio automatico orario",
    level: hourlyRunLevel(hourly, now),
    text: !hourly?.finishedAt
      ? "Non è ancora stato eseguito (parte al minuto 10 di ogni ora)."
      : hourly.ok
        ? `Ultimo giro ${ago(hourly.finishedAt, now)}${counts(hourlyCounts)}.`
        : `L'ultimo giro (${when(hourly.finishedAt)}) non è riuscito: ${String(hourlyCounts.error ?? "errore sconosciuto")}.`,
  });

  if (options.provider === "postgresql") {
    const dump = runs.get(DUMP_JOB) ?? null;
    const dumpSummary = parse(dump?.summary);
    checks.push({
      key: "backup",
      label: "Backup",
      level: dumpLevel(dump, now),
      text:
        "Con PostgreSQL i backup sono fatti dalla procedura dell'installazione (pg_dump, vedi README), non da Parcella. " +
        (!dump
          ? "Nessun dump segnalato: aggiungi npm run db:report-dump -- <file> alla procedura, per vederne qui l'età."
          : dump.ok && dump.lastOkAt
            ? `Ultimo dump segnalato ${ago(dump.lastOkAt, now)} (${when(dump.lastOkAt)}): ${String(dumpSummary.file)}, ${Math.max(1, Math.round(Number(dumpSummary.bytes) / 1024))} kB.`
            : `L'ultimo dump segnalato (${String(dumpSummary.file)}) non è valido: ${String(dumpSummary.error ?? "errore sconosciuto")}.`),
    });
  } else if (!options.backupsEnabled) {
    checks.push({
      key: "backup",
      label: "Backup",
      level: "error",
      text: "I backup automatici sono disattivati (BACKUP_ENABLED=false): nessuna copia dei dati viene fatta.",
    });
  } else {
    const backup = runs.get("backup") ?? null;
    const drill = runs.get("backup-drill") ?? null;
    const lastError = backup && !backup.ok ? String(parse(backup.summary).error ?? "errore sconosciuto") : null;
    checks.push({
      key: "backup",
      label: "Backup",
      level: backupLevel(backup, now),
      text:
        (backup?.lastOkAt
          ? `Ultimo backup riuscito ${ago(backup.lastOkAt, now)} (${when(backup.lastOkAt)}), cifrato, in ${options.backupDir}.`
          : `Nessun backup ancora riuscito (cartella ${options.backupDir}).`) +
        (lastError ? ` L'ultimo tentativo non è riuscito: ${lastError}.` : ""),
    });
    const drillSummary = parse(drill?.summary);
    checks.push({
      key: "drill",
      label: "Prova di ripristino",
      level: drillLevel(drill),
      text: !drill?.finishedAt
        ? "Non ancora eseguita: parte dopo il primo backup."
        : drill.ok
          ? `Ultima prova ${ago(drill.finishedAt, now)}: il backup si apre, è integro e contiene ${drillSummary.practitioners} account, ${drillSummary.patients} pazienti e ${drillSummary.invoices} fatture.`
          : `L'ultima prova (${when(drill.finishedAt)}) è fallita: ${String(drillSummary.error ?? "errore sconosciuto")}. Il backup più recente non è utilizzabile.`,
    });
  }

  const certificate = await currentStsCertificate(db);
  const validity = checkCertificateValidity(certificate.pem, now);
  checks.push({
    key: "certificate",
    label: "Certificato di cifratura del Sistema TS",
    level: certificate.rejectedAt ? "error" : certificateLevel(validity.daysLeft),
    text: certificate.rejectedAt
      ? "Il Sistema TS rifiuta il certificato in uso (codice 002): gli invii sono sospesi. Installa quello nuovo (docs/STS.md)."
      : validity.validTo
        ? `Valido fino al ${when(validity.validTo)} (${validity.daysLeft} giorni).`
        : "Non leggibile.",
  });

  try {
    const disk = await statfs(options.dataDir);
    const free = disk.bavail * disk.bsize;
    checks.push({
      key: "disk",
      label: "Spazio su disco",
      level: diskLevel(free),
      text: `${gigabytes(free)} liberi sul disco dei dati.`,
    });
  } catch {
    checks.push({ key: "disk", label: "Spazio su disco", level: "warn", text: "Non misurabile." });
  }

  const pending = pendingNames(
    committedMigrations(/*turbopackIgnore: true*/ process.cwd(), options.provider),
    await findMigrationRecords(db),
  );
  checks.push({
    key: "migrations",
    label: "Aggiornamenti del database",
    level: pendingMigrationsLevel(pending.length),
    text:
      pending.length === 0
        ? "Il database è aggiornato."
        : `${pending.length} da applicare (${pending.join(", ")}): riavvia Parcella, li applica da sé.`,
  });

  return { overall: overallLevel(checks.map((c) => c.level)), checks };
}
