// The folder of encrypted backups: listing, atomic writing, pruning by the retention rule.
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { backupsToKeep, type RetentionRule } from "../domain/backup-retention";
import { backupFileName, backupTime } from "./backup-file";

export type StoredBackup = { file: string; at: Date };

/** The folder's backups, newest first (other files are ignored). */
export function listBackups(folder: string): StoredBackup[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .flatMap((name) => {
      const at = backupTime(name);
      return at ? [{ file: join(folder, name), at }] : [];
    })
    .sort((a, b) => b.at.getTime() - a.at.getTime());
}

// Written under a temporary name and renamed: a crash or a full network share never leaves a half file that looks
// like a backup.
export function writeBackup(folder: string, at: Date, sealed: Buffer): string {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, backupFileName(at));
  writeFileSync(`${file}.partial`, sealed, { mode: 0o600 });
  renameSync(`${file}.partial`, file);
  return file;
}

/** Deletes the backups the rule does not keep; returns the deleted files. */
export function pruneBackups(folder: string, rule: RetentionRule): string[] {
  const all = listBackups(folder);
  const keep = new Set(backupsToKeep(all, rule));
  const deleted = all.filter((b) => !keep.has(b)).map((b) => b.file);
  for (const file of deleted) rmSync(file, { force: true });
  return deleted;
}
