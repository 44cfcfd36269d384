import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createDb } from "../../lib/db";
import { migrate } from "../../scripts/db.mjs";
import { backupSqlite, restoreSqlite } from "../../scripts/backup-sqlite";
import { registerTestPractitioner, testDatabaseProvider, testDatabaseUrl, testDb } from "./test-db";

describe.runIf(testDatabaseProvider() === "sqlite")("SQLite backup and restore", () => {
  it("backs up online while the app writes, and restores the snapshot into a fresh place", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parcella-backup-"));
    try {
      const before = await registerTestPractitioner("backup-before");
      // Writes keep going during the backup.
      const writing = Promise.all([1, 2, 3].map((i) => registerTestPractitioner(`backup-during-${i}`)));
      const file = await backupSqlite({ to: join(dir, "snapshot.db"), databaseUrl: testDatabaseUrl() });
      await writing;
      const after = await registerTestPractitioner("backup-after");

      const restoredUrl = `file:${join(dir, "restored.db")}`;
      migrate(restoredUrl); // a database already in place is replaced by the backup
      restoreSqlite({ from: file, databaseUrl: restoredUrl });
      const restored = createDb(restoredUrl);
      try {
        expect(await restored.practitioner.findUnique({ where: { id: before.id } })).not.toBeNull();
        expect(await restored.practitioner.findUnique({ where: { id: after.id } })).toBeNull();
        expect(await restored.practitioner.count()).toBeLessThanOrEqual(await testDb().practitioner.count());
      } finally {
        await restored.$disconnect();
      }
      expect(() => restoreSqlite({ from: join(dir, "missing.db"), databaseUrl: restoredUrl })).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
