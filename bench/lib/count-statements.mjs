// Preloaded into the web server by the web benchmark's statement count (`node --import`, bench/web.ts with
// --count-statements): wraps better-sqlite3's statement methods to count every statement the server runs and the
// time spent inside SQLite, by SQL text. On SIGUSR2 it writes the counts since the last signal as JSON to
// BENCH_STATEMENTS_FILE and starts again from zero. Benchmark only: nothing of the app loads it.
import { renameSync, writeFileSync } from "node:fs";
import Database from "better-sqlite3";

const file = process.env.BENCH_STATEMENTS_FILE;
let counts = new Map();

const probe = new Database(":memory:");
const proto = Object.getPrototypeOf(probe.prepare("SELECT 1"));
probe.close();
for (const method of ["all", "get", "run", "iterate"]) {
  const original = proto[method];
  proto[method] = function (...args) {
    const start = process.hrtime.bigint();
    try {
      return original.apply(this, args);
    } finally {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const sql = this.source.replace(/\s+/g, " ").slice(0, 200);
      const entry = counts.get(sql) ?? { n: 0, ms: 0 };
      entry.n++;
      entry.ms += ms;
      counts.set(sql, entry);
    }
  };
}

const exec = Database.prototype.exec;
Database.prototype.exec = function (sql) {
  const start = process.hrtime.bigint();
  try {
    return exec.call(this, sql);
  } finally {
    const key = `exec: ${sql.replace(/\s+/g, " ").slice(0, 200)}`;
    const entry = counts.get(key) ?? { n: 0, ms: 0 };
    entry.n++;
    entry.ms += Number(process.hrtime.bigint() - start) / 1e6;
    counts.set(key, entry);
  }
};

process.on("SIGUSR2", () => {
  const rows = [...counts].map(([sql, v]) => ({ sql, n: v.n, ms: v.ms }));
  counts = new Map();
  if (!file) return;
  writeFileSync(`${file}.tmp`, JSON.stringify(rows));
  renameSync(`${file}.tmp`, file);
});
