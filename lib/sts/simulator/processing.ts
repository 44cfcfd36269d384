import { strToU8, zipSync } from "fflate";
import { StsFileFormatError, parseStsZip } from "../file/parse-file";
import { decrypt, persist, type SimulatorContext } from "./context";
import { romeDay } from "./deadline";
import { applyDocument, type RuleContext } from "./document-rules";
import type { Submission, SubmissionResult } from "./state";

export function ruleContextFor(
  ctx: SimulatorContext,
  protocollo: string,
  owner: string,
  transmission: { fileName: string; sentAt: Date },
): RuleContext {
  return {
    state: ctx.state,
    now: ctx.now(),
    protocollo,
    owner,
    fileName: transmission.fileName,
    sentOn: romeDay(transmission.sentAt),
    rejectedCfs: new Set(ctx.config.rejectedCfs.map((cf) => cf.toUpperCase())),
    notInRegistryCfs: new Set(ctx.config.notInRegistryCfs.map((cf) => cf.toUpperCase())),
    decrypt: (cipher: string) => decrypt(ctx, cipher),
  };
}

/** Processes one uploaded file the way STS does asynchronously (docs/STS-PROTOCOL.md §4; docs/STS.md, "Asynchronous
 * processing"). */
function processSubmission(ctx: SimulatorContext, submission: Submission): SubmissionResult {
  let parsed;
  try {
    parsed = parseStsZip(Buffer.from(submission.zipBase64, "base64"));
  } catch (error) {
    if (!(error instanceof StsFileFormatError)) throw error;
    ctx.log(`protocollo ${submission.protocollo}: file scartato (${error.message})`);
    return { stato: 5, nInviati: 0, nAccolti: 0, nWarnings: 0, nErrori: 0, rows: [] };
  }
  const result: SubmissionResult = { stato: 2, nInviati: 0, nAccolti: 0, nWarnings: 0, nErrori: 0, rows: [] };
  const ruleContext = ruleContextFor(ctx, submission.protocollo, submission.cfProprietario, {
    fileName: submission.fileName,
    sentAt: new Date(submission.receivedAt),
  });
  for (const document of parsed.documents) {
    result.nInviati += 1;
    const messages = applyDocument(document, ruleContext);
    const rejected = messages.some((m) => m.tipo === "E");
    if (rejected) result.nErrori += 1;
    else result.nAccolti += 1;
    if (!rejected && messages.length > 0) result.nWarnings += 1;
    // Keep only what the CSV needs: the CF never goes into the stored result.
    const stored = { ...document, cfCittadino: undefined };
    for (const message of messages) result.rows.push({ document: stored, tipoSpesa: "", message });
  }
  result.stato = result.nErrori > 0 ? 3 : 2;
  return result;
}

/** Finishes every submission whose processing delay has passed, oldest first. Lazy, so an injected clock works. */
export function processDueSubmissions(ctx: SimulatorContext): void {
  const now = ctx.now().getTime();
  let changed = false;
  for (const submission of ctx.state.submissions) {
    if (submission.result) continue;
    if (new Date(submission.receivedAt).getTime() + ctx.config.processingDelayMs > now) continue;
    submission.result = processSubmission(ctx, submission);
    changed = true;
  }
  if (changed) persist(ctx);
}

/** stato while processing: 0 in the first half of the delay, then 1. */
export function pendingStato(ctx: SimulatorContext, submission: Submission): 0 | 1 {
  const elapsed = ctx.now().getTime() - new Date(submission.receivedAt).getTime();
  return elapsed * 2 < ctx.config.processingDelayMs ? 0 : 1;
}

function csvDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-");
  return `${d}/${m}/${y}`;
}

const CSV_HEADER =
  "CF PROPRIETARIO; COD REGIONE; COD ASL; COD SSA; PARTITA IVA; DATA EMISSIONE; DOCUMENTO FISCALE DISPOSITIVO; DOCUMENTO FISCALE NUMERO; TIPO SPESA; CODICE ERRORE; DESCRIZIONE ERRORE";

/** DettaglioErrori payload: a ZIP with "<protocollo>.csv", 11 columns (docs/STS-PROTOCOL.md §5). */
export function buildErrorZip(submission: Submission): Uint8Array {
  const lines = (submission.result?.rows ?? []).map(({ document, tipoSpesa, message }) =>
    [
      submission.cfProprietario,
      "",
      "",
      "",
      document?.id.pIva ?? "",
      document ? csvDate(document.id.dataEmissione) : "",
      document?.id.dispositivo ?? "",
      document?.id.numDocumento ?? "",
      tipoSpesa,
      message.code,
      message.description,
    ].join(";"),
  );
  const csv = [CSV_HEADER, ...lines].join("\r\n") + "\r\n";
  return zipSync({ [`${submission.protocollo}.csv`]: strToU8(csv) });
}
