// The worker's automatic backup: when the newest backup in the folder is older than a day (or there is none), a
// consistent copy of the live SQLite database is taken (SQLite's online backup API), encrypted, written to the
// backup folder, the folder pruned by the retention rule, and the new backup checked by the restore drill. Checked
// every hour rather than once at night, so a computer switched off at night still gets its daily backup.
import { readFileSync, rmSync } from "node:fs";
import { join, relative, isAbsolute } from "node:path";
import { backupSqlite } from "../../backup/sqlite-copy";
import { sealBackup } from "../../backup/backup-file";
import { listBackups, pruneBackups, writeBackup } from "../../backup/backup-folder";
import { drillBackup } from "../../backup/restore-drill";
import { recordJobRun } from "../../data/job-runs";
import type { Db } from "../../db";
import { DEFAULT_RETENTION, type RetentionRule } from "../../domain/backup-retention";

export const BACKUP_INTERVAL_MS = 24 * 60 * 60_000;
// A little slack, so the backup made at 02:20 yesterday does not push today's to 03:20, and so on.
const DUE_AFTER_MS = BACKUP_INTERVAL_MS - 60 * 60_000;

export type BackupOptions = {
  db: Db;
  databaseUrl: string | undefined;
  folder: string;
  key: Buffer;
  /** The key's file when it is kept on disk (not given by the environment). */
  keyFile: string | null;
  dataDir: string;
  now: Date;
  rule?: RetentionRule;
};

export type BackupOutcome =
  | { made: false; reason: "postgresql" | "not-due" }
  | { made: true; file: string; bytes: number; deleted: number; drill: Record<string, number> };

function inside(folder: string, file: string): boolean {
  const path = relative(folder, file);
  return !path.startsWith("..") && !isAbsolute(path);
}

export async function runBackupIfDue(options: BackupOptions): Promise<BackupOutcome> {
  if (options.databaseUrl && !options.databaseUrl.startsWith("file:")) return { made: false, reason: "postgresql" };
  const latest = listBackups(options.folder)[0];
  if (latest && options.now.getTime() - latest.at.getTime() < DUE_AFTER_MS) return { made: false, reason: "not-due" };

  const startedAt = new Date();
  try {
    if (options.keyFile && inside(options.folder, options.keyFile)) {
      throw new Error("la chiave dei backup non può stare nella cartella dei backup: imposta BACKUP_DIR altrove");
    }
    const plain = join(options.dataDir, `.backup-${process.pid}-${Date.now()}.db`);
    let file: string;
    try {
      await backupSqlite({ to: plain, databaseUrl: options.databaseUrl });
      file = writeBackup(options.folder, options.now, sealBackup(readFileSync(plain), options.key));
    } finally {
      rmSync(plain, { force: true });
    }
    const deleted = pruneBackups(options.folder, options.rule ?? DEFAULT_RETENTION);
    const bytes = readFileSync(file).length;
    await recordJobRun(options.db, {
      name: "backup",
      startedAt,
      finishedAt: new Date(),
      ok: true,
      summary: JSON.stringify({ file, bytes, deleted: deleted.length }),
    });
    const drill = await runRestoreDrill(options);
    return { made: true, file, bytes, deleted: deleted.length, drill };
  } catch (error) {
    await recordJobRun(options.db, {
      name: "backup",
      startedAt,
      finishedAt: new Date(),
      ok: false,
      summary: JSON.stringify({ error: error instanceof Error ? error.message : String(error) }),
    });
    throw error;
  }
}

/** Opens the newest backup and checks it; the result goes to the status page. */
export async function runRestoreDrill(options: Pick<BackupOptions, "db" | "folder" | "key" | "dataDir">) {
  const startedAt = new Date();
  const latest = listBackups(options.folder)[0];
  try {
    if (!latest) throw new Error("nessun backup da provare");
    const counts = drillBackup({ file: latest.file, key: options.key, workDir: options.dataDir });
    await recordJobRun(options.db, {
      name: "backup-drill",
      startedAt,
      finishedAt: new Date(),
      ok: true,
      summary: JSON.stringify({ file: latest.file, ...counts }),
    });
    return counts;
  } catch (error) {
    await recordJobRun(options.db, {
      name: "backup-drill",
      startedAt,
      finishedAt: new Date(),
      ok: false,
      summary: JSON.stringify({ file: latest?.file, error: error instanceof Error ? error.message : String(error) }),
    });
    throw error;
  }
}
