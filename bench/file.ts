// Benchmark 4: building one batch file (25 documents: XML, 26 RSA encryptions, ZIP) with buildStsFile, from
// documents made by the same code the upload uses (statusOf + stsDocumentOf on bulk-seeded invoices).
import { createDb } from "../lib/db";
import { findStsInvoices } from "../lib/data/sts-documents";
import { isoDate } from "../lib/domain/dates";
import { statusOf } from "../lib/services/sts/refresh-sts-state";
import { stsDocumentOf } from "../lib/services/sts/sts-view";
import { SIMULATOR_CERT_PEM } from "../lib/sts/crypto/certs/simulator-key";
import { encryptForSts } from "../lib/sts/crypto/encrypt";
import { buildStsFile } from "../lib/sts/file/build-file";
import type { StsDocument } from "../lib/sts/types";
import type { DatabaseFactory } from "./lib/databases";
import { quantile, timeMany } from "./lib/stats";
import { hourlyPlan, seedBulk } from "./seed-bulk";

export type FileResult = { iterations: number; p50: number; p95: number; encryptP50: number; zipBytes: number };

export async function fileBenchmark(options: {
  factory: DatabaseFactory;
  iterations: number;
  encryptionKey: Buffer;
  log: (line: string) => void;
}): Promise<FileResult> {
  const database = await options.factory.create("sqlite", "file");
  const db = createDb(database.url);
  let documents: StsDocument[];
  try {
    const [p] = await seedBulk(db, {
      practitioners: 1,
      patientsPerPractitioner: 25,
      invoicesOf: hourlyPlan(25),
      autoSend: true,
      autoSendFrom: "2026-02-01",
      encryptionKey: options.encryptionKey,
    });
    const today = isoDate(new Date());
    documents = (await findStsInvoices(db, p!.id)).map((invoice) =>
      stsDocumentOf(invoice, statusOf(invoice, true, today).pending[0]!),
    );
  } finally {
    await db.$disconnect();
    await database.drop();
  }
  const build = () =>
    buildStsFile({
      fileName: "parcella_bench.zip",
      owner: { cfProprietario: "MTOMRA66A41G224M" },
      documents,
      certificatePem: SIMULATOR_CERT_PEM,
    });
  const zipBytes = build().zip.length;
  const samples = await timeMany(build, options.iterations, 20);
  const encrypt = await timeMany(
    () => {
      for (let i = 0; i < 26; i++) encryptForSts("MTOMRA66A41G224M", SIMULATOR_CERT_PEM);
    },
    options.iterations,
    20,
  );
  const result = {
    iterations: options.iterations,
    p50: quantile(samples, 0.5),
    p95: quantile(samples, 0.95),
    encryptP50: quantile(encrypt, 0.5),
    zipBytes,
  };
  options.log(
    `  batch file (25 documents, ${zipBytes} bytes): median ${result.p50.toFixed(2)} ms, p95 ${result.p95.toFixed(2)} ms; of which 26 encryptions alone median ${result.encryptP50.toFixed(2)} ms`,
  );
  return result;
}
