"use server";

import { z } from "zod";
import { action } from "@/lib/actions/action";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import { importFile, previewImport } from "@/lib/services/import/preview-import";
import { MAX_IMPORT_BYTES } from "@/lib/services/import/read-table";

/** The file as the page sends it: a FormData with one "file" entry. */
const Upload = z.instanceof(FormData);
const Options = z.object({
  layout: z.enum(["invoices", "patients"]),
  mapping: z.record(z.string().max(40), z.number().int().min(0).max(500)),
  sentByDefault: z.boolean(),
});

async function fileOf(form: FormData) {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) throw new AppError("validation", "Scegli un file CSV o XLSX.");
  if (file.size > MAX_IMPORT_BYTES) throw new AppError("validation", "Il file supera i 10 MB.");
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

export const previewImportAction = action(
  { name: "import-preview", args: z.tuple([Upload, Options.nullable()]) },
  async ({ practitioner }, form, options) =>
    previewImport({ db: db(), practitionerId: practitioner.id, file: await fileOf(form), import: options }),
);

export const runImportAction = action(
  { name: "import-run", args: z.tuple([Upload, Options]), revalidate: ["/fatture", "/pazienti", "/"] },
  async ({ practitioner }, form, options) =>
    importFile({ db: db(), practitionerId: practitioner.id, file: await fileOf(form), import: options }),
);
