import { zipSync } from "fflate";
import { AppError, notFound } from "../../app-error";
import type { Db } from "../../db";
import { describeError } from "../../describe-error";
import { isoDate } from "../../domain/dates";
import {
  dataFiles,
  fileSources,
  invoicePdfFile,
  manifestOf,
  submissionFiles,
  type ExportFile,
} from "./export-contents";

/** How long a finished export can be downloaded before its ZIP is dropped. */
export const EXPORT_VALID_HOURS = 24;
// A web process that stopped mid-export leaves it "running": after this long it is shown as failed.
const STALE_AFTER_MS = 60 * 60_000;
const PROGRESS_EVERY = 20;

/** Records a new export and builds it in the background; the page follows its progress. */
export async function startExport(options: { db: Db; practitionerId: string; now?: Date }) {
  const { db, practitionerId } = options;
  const now = options.now ?? new Date();
  const running = await db.dataExport.findFirst({
    where: { practitionerId, status: "running", createdAt: { gt: new Date(now.getTime() - STALE_AFTER_MS) } },
  });
  if (running) throw new AppError("conflict", "Un'esportazione è già in preparazione.");
  // Only the newest export is kept downloadable: the ZIPs of earlier ones are dropped now.
  await db.dataExport.updateMany({
    where: { practitionerId, zip: { not: null } },
    data: { zip: null, status: "expired" },
  });
  const created = await db.dataExport.create({ data: { practitionerId, status: "running", createdAt: now } });
  void buildExport({ db, practitionerId, exportId: created.id, now }).catch((error: unknown) =>
    console.error(`[export] ${created.id} failed: ${describeError(error)}`),
  );
  return { id: created.id };
}

/** Builds the ZIP, storing the progress every few files; awaited by tests, left running by the page's action. */
export async function buildExport(options: { db: Db; practitionerId: string; exportId: string; now?: Date }) {
  const { db, practitionerId, exportId } = options;
  try {
    const sources = await fileSources(db, practitionerId);
    const total = sources.invoiceIds.length + sources.submissionIds.length + 1;
    await db.dataExport.update({ where: { id: exportId }, data: { total } });
    const files: ExportFile[] = await dataFiles(db, practitionerId);
    let done = 1;
    const step = async () => {
      done += 1;
      if (done % PROGRESS_EVERY === 0) await db.dataExport.update({ where: { id: exportId }, data: { done } });
    };
    for (const id of sources.invoiceIds) {
      files.push(await invoicePdfFile(db, practitionerId, id));
      await step();
    }
    for (const id of sources.submissionIds) {
      files.push(...(await submissionFiles(db, practitionerId, id)));
      await step();
    }
    const finishedAt = options.now ?? new Date();
    const manifest = {
      createdAt: finishedAt.toISOString(),
      files: manifestOf(files),
      note: "Esportazione completa di Parcella: pazienti, fatture e note di credito (CSV e JSON), PDF, invii STS con ricevute ed errori, impostazioni senza password né PIN.",
    };
    const entries = Object.fromEntries(files.map((f) => [f.path, f.bytes]));
    entries["manifest.json"] = new TextEncoder().encode(JSON.stringify(manifest, null, 2) + "\n");
    const zip = zipSync(entries, { level: 6, mtime: finishedAt });
    await db.dataExport.update({
      where: { id: exportId },
      data: {
        status: "ready",
        done: total,
        zip,
        fileName: `parcella-esportazione-${isoDate(finishedAt)}.zip`,
        finishedAt,
        expiresAt: new Date(finishedAt.getTime() + EXPORT_VALID_HOURS * 3_600_000),
      },
    });
  } catch (error) {
    await db.dataExport.update({
      where: { id: exportId },
      data: { status: "failed", error: "Esportazione non riuscita: riprova.", finishedAt: new Date() },
    });
    throw error;
  }
}

export type ExportView = {
  id: string;
  status: "running" | "ready" | "failed" | "expired";
  done: number;
  total: number;
  createdAt: Date;
  expiresAt: Date | null;
};

/** The practitioner's latest export, as the page shows it (an expired one without its ZIP). */
export async function getLatestExport(options: {
  db: Db;
  practitionerId: string;
  now?: Date;
}): Promise<ExportView | null> {
  const now = options.now ?? new Date();
  const latest = await options.db.dataExport.findFirst({
    where: { practitionerId: options.practitionerId },
    orderBy: { createdAt: "desc" },
    omit: { zip: true },
  });
  if (!latest) return null;
  let status = latest.status as ExportView["status"];
  if (status === "ready" && latest.expiresAt && latest.expiresAt <= now) status = "expired";
  if (status === "running" && now.getTime() - latest.createdAt.getTime() > STALE_AFTER_MS) status = "failed";
  return {
    id: latest.id,
    status,
    done: latest.done,
    total: latest.total,
    createdAt: latest.createdAt,
    expiresAt: latest.expiresAt,
  };
}

/** The ZIP of a ready export of this practitioner; an expired one is dropped and answers like a missing one. */
export async function getExportDownload(options: { db: Db; practitionerId: string; exportId: string; now?: Date }) {
  const now = options.now ?? new Date();
  const found = await options.db.dataExport.findFirst({
    where: { id: options.exportId, practitionerId: options.practitionerId, status: "ready" },
  });
  if (!found || !found.zip) throw notFound("Esportazione non trovata o scaduta.");
  if (found.expiresAt && found.expiresAt <= now) {
    await options.db.dataExport.update({ where: { id: found.id }, data: { status: "expired", zip: null } });
    throw notFound("Esportazione non trovata o scaduta.");
  }
  return { bytes: found.zip, fileName: found.fileName ?? "parcella-esportazione.zip" };
}
