// Admin API for tests: plant documents "already on STS" (as if sent by hand on the STS portal or by another program)
// and citizens' reports, and list what the simulator holds (docs/STS.md, "Admin API").
import { z } from "zod";
import { NUM_DOCUMENTO_PATTERN, PIVA_PATTERN, isIsoDate } from "../file/rules";
import { TIPI_SPESA, documentKey, type StsDocument, type StsTipoSpesa } from "../types";
import { nextProtocollo, persist, type SimulatorContext } from "./context";
import { romeDay } from "./deadline";
import { linkRefund, type CitizenReport, type StoredDocument } from "./state";

/** nomeFile of planted documents unless the test gives one (simulator choice: STS's value for portal entries is unknown). */
export const PLANTED_FILE_NAME = "INSERIMENTO DA PORTALE";

const IsoDate = z.string().refine(isIsoDate, "must be a date yyyy-MM-dd");

const DocumentId = z.object({
  pIva: z.string().regex(PIVA_PATTERN, "pIva must be 11 digits"),
  dataEmissione: IsoDate,
  dispositivo: z.number().int().min(1).max(999).default(1),
  numDocumento: z.string().regex(NUM_DOCUMENTO_PATTERN, "numDocumento must be 1-20 of A-Z a-z 0-9 _ . / \\ -"),
});

const PlantedDocument = z.object({
  /** Owner of the document (the practitioner's CF); default: the first configured user's. */
  cfProprietario: z.string().optional(),
  id: DocumentId,
  /** Default: dataEmissione. */
  dataPagamento: IsoDate.optional(),
  items: z
    .array(
      z.object({
        tipoSpesa: z.enum(TIPI_SPESA as [StsTipoSpesa, ...StsTipoSpesa[]]),
        amountCents: z.number().int().positive(),
        naturaIVA: z.string().optional(),
        aliquotaIVA: z.string().optional(),
      }),
    )
    .min(1),
  /** Makes the planted document a refund (operation R) of this held document. */
  refundOf: DocumentId.optional(),
  tipoDocumento: z.enum(["F", "D"]).default("F"),
  flagOpposizione: z.boolean().default(false),
  protocollo: z
    .string()
    .regex(/^\d{17}$/, "protocollo must be 17 digits")
    .optional(),
  nomeFile: z.string().min(1).optional(),
  /** Default: today (Italian time). */
  dataInvio: IsoDate.optional(),
  tipoInvio: z.enum(["I", "V", "R"]).optional(),
  cancelled: z.boolean().default(false),
});

const PlantedReport = z
  .object({
    cfProprietario: z.string().optional(),
    id: DocumentId,
    /** Default: today (Italian time). */
    dataSegnalazione: IsoDate.optional(),
    segnalazioni: z.array(z.string().min(1)).default([]),
    voci: z
      .array(
        z.object({
          tipoSpesa: z.string().min(1),
          segnalazioneImporto: z.string().optional(),
          segnalazioneTipoVoceSpesa: z.string().optional(),
        }),
      )
      .default([]),
  })
  .refine((r) => r.segnalazioni.length > 0 || r.voci.length > 0, "a report needs segnalazioni or voci");

/** A single item, a list, or `{ <listName>: [...] }`, as POST /__admin/faults accepts. */
function listOf(input: unknown, listName: string): unknown[] {
  if (Array.isArray(input)) return input;
  const wrapped = (input as Record<string, unknown> | null)?.[listName];
  return Array.isArray(wrapped) ? wrapped : [input];
}

function parseAll<T>(schema: z.ZodType<T>, items: unknown[]): T[] {
  return items.map((item, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) return parsed.data;
    throw new Error(`item ${index}: ${z.prettifyError(parsed.error).replace(/\n/g, " ")}`);
  });
}

function ownerOf(ctx: SimulatorContext, cf: string | undefined): string {
  const owner = (cf ?? ctx.config.users[0]?.cfProprietario ?? "").toUpperCase();
  if (!owner) throw new Error("cfProprietario is required when no user is configured");
  return owner;
}

/** Plants documents all or none: a document the simulator already holds (not cancelled) refuses the whole request. */
export function plantDocuments(ctx: SimulatorContext, input: unknown) {
  const planted = parseAll(PlantedDocument, listOf(input, "documents"));
  const keys = planted.map((p) => documentKey(p.id));
  keys.forEach((key, index) => {
    const held = ctx.state.documents[key];
    if ((held && !held.cancelled) || keys.indexOf(key) !== index) throw new Error(`document ${key} is already held`);
    const original = planted[index].refundOf;
    if (original && !keys.includes(documentKey(original)) && !ctx.state.documents[documentKey(original)])
      throw new Error(`refundOf ${documentKey(original)} is not held`);
  });
  const today = romeDay(ctx.now());
  const stored = planted.map((p): [string, StoredDocument] => {
    const operation = p.refundOf ? "R" : "I";
    const document: StsDocument = {
      operation,
      id: p.id,
      ...(p.refundOf ? { refundOf: p.refundOf } : {}),
      dataPagamento: p.dataPagamento ?? p.id.dataEmissione,
      tipoDocumento: p.tipoDocumento,
      flagOpposizione: p.flagOpposizione,
      items: p.items,
    };
    const entry: StoredDocument = {
      document,
      cancelled: p.cancelled,
      protocollo: p.protocollo ?? nextProtocollo(ctx),
      owner: ownerOf(ctx, p.cfProprietario),
      nomeFile: p.nomeFile ?? PLANTED_FILE_NAME,
      dataInvio: p.dataInvio ?? today,
      tipoInvio: p.tipoInvio ?? operation,
      messages: [],
      planted: true,
    };
    return [documentKey(p.id), entry];
  });
  for (const [key, entry] of stored) {
    const previous = ctx.state.documents[key]; // a cancelled one, planted again
    ctx.state.documents[key] = previous?.refunds ? { ...entry, refunds: previous.refunds } : entry;
  }
  for (const [key, entry] of stored)
    if (entry.document.refundOf) linkRefund(ctx.state, documentKey(entry.document.refundOf), key);
  persist(ctx);
  return { documents: stored.map(([key, entry]) => describeDocument(key, entry)) };
}

/** Plants citizens' reports about documents their owner holds (a report about anything else is refused). */
export function plantCitizenReports(ctx: SimulatorContext, input: unknown) {
  const planted = parseAll(PlantedReport, listOf(input, "reports"));
  const today = romeDay(ctx.now());
  const reports = planted.map((p): CitizenReport => {
    const key = documentKey(p.id);
    const owner = ownerOf(ctx, p.cfProprietario);
    if (ctx.state.documents[key]?.owner !== owner) throw new Error(`document ${key} is not held for ${owner}`);
    return { owner, key, dataSegnalazione: p.dataSegnalazione ?? today, segnalazioni: p.segnalazioni, voci: p.voci };
  });
  ctx.state.citizenReports.push(...reports);
  persist(ctx);
  return { reports };
}

function describeDocument(key: string, entry: StoredDocument) {
  const { document } = entry;
  return {
    key,
    owner: entry.owner,
    operation: document.operation,
    id: document.id,
    ...(document.refundOf ? { refundOf: document.refundOf } : {}),
    dataPagamento: document.dataPagamento,
    items: document.items.map(({ tipoSpesa, amountCents }) => ({ tipoSpesa, amountCents })),
    cancelled: entry.cancelled,
    protocollo: entry.protocollo,
    nomeFile: entry.nomeFile ?? null,
    dataInvio: entry.dataInvio ?? null,
    tipoInvio: entry.tipoInvio ?? null,
    planted: entry.planted === true,
  };
}

/** What the simulator holds: identities, amounts and transmissions, never a patient's codice fiscale. */
export function listDocuments(ctx: SimulatorContext) {
  return { documents: Object.entries(ctx.state.documents).map(([key, entry]) => describeDocument(key, entry)) };
}
