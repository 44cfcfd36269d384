// A PostgreSQL installation's dump routine reports each dump, so the status page shows its age (README, "Backups"):
//   pg_dump --format=custom --file=parcella-$(date +%F).dump "$DATABASE_URL" && npm run db:report-dump -- parcella-$(date +%F).dump
import { db } from "../lib/db";
import { reportDump } from "../lib/services/installation/report-dump";

async function main() {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: npm run db:report-dump -- <dump file>");
    process.exit(2);
  }
  const result = await reportDump({ db: db(), file });
  console.log(
    result.ok
      ? `dump recorded: ${file}, ${result.bytes} bytes, ${result.madeAt.toISOString()}`
      : `dump NOT recorded as good: ${file} is empty or missing (the status page turns red)`,
  );
  await db().$disconnect();
  if (!result.ok) process.exit(1);
}

void main();
