// The restore drill: open a backup the way a restore would, and check what is inside — SQLite's integrity check
// and a count of the main tables. A backup that cannot be opened, or a database that is not intact, fails it.
import Database from "better-sqlite3";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openBackup } from "./backup-file";

export type DrillCounts = Record<"practitioners" | "patients" | "invoices", number>;

const COUNTED: [keyof DrillCounts, string][] = [
  ["practitioners", "Practitioner"],
  ["patients", "Patient"],
  ["invoices", "Invoice"],
];

/** Decrypts `file` into `workDir` (the data folder: the plain copy holds patients' data), checks it, removes it. */
export function drillBackup(options: { file: string; key: Buffer; workDir: string }): DrillCounts {
  const plain = join(options.workDir, `.restore-drill-${process.pid}-${Date.now()}.db`);
  writeFileSync(plain, openBackup(readFileSync(options.file), options.key), { mode: 0o600 });
  try {
    const sqlite = new Database(plain, { readonly: true, fileMustExist: true });
    try {
      const integrity = sqlite.pragma("integrity_check", { simple: true });
      if (integrity !== "ok") throw new Error(`controllo di integrità non superato: ${String(integrity)}`);
      const counts = {} as DrillCounts;
      for (const [key, table] of COUNTED) {
        counts[key] = (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
      }
      return counts;
    } finally {
      sqlite.close();
    }
  } finally {
    rmSync(plain, { force: true });
  }
}
