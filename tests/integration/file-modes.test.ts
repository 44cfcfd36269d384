// The data folder and every database file in it are the owner's only: DATA_DIR 0700, the SQLite database, its
// -wal/-shm companions and the backups 0600 (the probe found them 0644 in a 0755 folder).
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createDb } from "../../lib/db";
import { migrate } from "../../scripts/db.mjs";
import { ensureDataDir, sqliteUrl } from "../../lib/db-url.mjs";
import { backupSqlite, restoreSqlite } from "../../scripts/backup-sqlite";
import { testDatabaseProvider } from "./test-db";

const mode = (path: string) => statSync(path).mode & 0o777;

describe.runIf(testDatabaseProvider() === "sqlite")("file modes of the data folder", () => {
  it("creates DATA_DIR 0700 and the database, its companions and the backups 0600, whatever the umask", async () => {
    const root = mkdtempSync(join(tmpdir(), "parcella-modes-"));
    const previous = process.umask(0o022);
    try {
      const dataDir = join(root, "data");
      ensureDataDir(dataDir);
      expect(mode(dataDir)).toBe(0o700);
      // An existing, too open folder is tightened.
      chmodSync(dataDir, 0o755);
      ensureDataDir(dataDir);
      expect(mode(dataDir)).toBe(0o700);

      const url = sqliteUrl(`file:${join(dataDir, "parcella.db")}`);
      migrate(url);
      const db = createDb(url);
      try {
        await db.loginThrottle.create({ data: { key: "modes@example.test" } });
        const file = url.slice("file:".length);
        expect(mode(file)).toBe(0o600);
        expect(existsSync(`${file}-wal`)).toBe(true);
        expect(mode(`${file}-wal`)).toBe(0o600);

        const backup = await backupSqlite({ to: join(dataDir, "backups", "snapshot.db"), databaseUrl: url });
        expect(mode(backup)).toBe(0o600);
        expect(mode(join(dataDir, "backups"))).toBe(0o700);

        const restoredUrl = `file:${join(dataDir, "restored.db")}`;
        restoreSqlite({ from: backup, databaseUrl: restoredUrl });
        expect(mode(restoredUrl.slice("file:".length))).toBe(0o600);
      } finally {
        await db.$disconnect();
      }
    } finally {
      process.umask(previous);
      rmSync(root, { recursive: true, force: true });
    }
  });
});
