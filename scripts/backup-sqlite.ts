// Online backup and restore of the embedded SQLite database.
//   npm run db:backup -- [file]    copy the live database (the app may keep running: SQLite's backup API)
//   npm run db:restore -- <file>   put a backup in place (stop Parcella first): a plain copy, or one of the worker's
//                                  encrypted backups (*.db.enc, opened with the backup key)
//   npm run db:restore -- --list   the encrypted backups in the backup folder, newest first
//   npm run db:restore -- latest   the newest of them
// PostgreSQL: use pg_dump / pg_restore (README "Backups").
import { listBackups } from "../lib/backup/backup-folder";
import { backupSqlite, restoreEncryptedSqlite, restoreSqlite } from "../lib/backup/sqlite-copy";
import { backupDir, backupKey } from "../lib/env";

export { backupSqlite, restoreEncryptedSqlite, restoreSqlite };

async function main() {
  const [command, file] = process.argv.slice(2);
  if (command === "backup") console.log(`backup written: ${await backupSqlite({ to: file })}`);
  else if (command === "restore" && file === "--list") {
    const backups = listBackups(backupDir());
    if (backups.length === 0) console.log(`no encrypted backups in ${backupDir()}`);
    for (const backup of backups) console.log(`${backup.at.toISOString()}  ${backup.file}`);
  } else if (command === "restore" && file) {
    const from = file === "latest" ? listBackups(backupDir())[0]?.file : file;
    if (!from) throw new Error(`no encrypted backups in ${backupDir()}`);
    const restored = from.endsWith(".db.enc")
      ? restoreEncryptedSqlite({ from, key: backupKey() })
      : restoreSqlite({ from });
    console.log(`restored ${from} into ${restored}`);
  } else {
    console.error("usage: npm run db:backup -- [file] | npm run db:restore -- <file> | latest | --list");
    process.exit(2);
  }
}

if (process.argv[1] && /backup-sqlite\.ts$/.test(process.argv[1]))
  void main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
