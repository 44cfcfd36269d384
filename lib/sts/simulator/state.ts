import { readFileSync, writeFileSync } from "node:fs";
import { documentKey, type StsDocument, type StsOperation } from "../types";

export type SimulatorUser = {
  username: string;
  password: string;
  pincode: string;
  cfProprietario: string;
  pIva?: string;
  /** false → the PIN is "non più attivo" (upload code 005). */
  pinActive?: boolean;
};

export type DocumentMessage = { code: string; description: string; tipo: "E" | "W" };

export type StoredDocument = {
  document: StsDocument;
  cancelled: boolean;
  /** The transmission that gave the document its content (a cancellation keeps it): what the query services tell. */
  protocollo: string;
  owner: string;
  /** nomeFileAllegato of the upload, "SERVIZIO SINCRONO" for DocumentoSpesa730p. Absent in older state files. */
  nomeFile?: string;
  /** Day of that transmission, yyyy-MM-dd in Italian time. */
  dataInvio?: string;
  tipoInvio?: StsOperation;
  /** Warnings given when it was accepted (InterrogazionePuntuale's listaErroriDocumento). */
  messages?: DocumentMessage[];
  /** Planted through the admin API, as if sent by hand on the STS portal. */
  planted?: boolean;
  /** Keys of the refunds (R) accepted for this document: what its refunded totals are made of. */
  refunds?: string[];
};

/** A citizen's report (segnalazione) about a held document, planted through the admin API. */
export type CitizenReport = {
  owner: string;
  /** documentKey() of the reported document. */
  key: string;
  dataSegnalazione: string; // yyyy-MM-dd
  /** Reports about the document as a whole (free text). */
  segnalazioni: string[];
  /** Reports about one expense line, by tipoSpesa. */
  voci: Array<{ tipoSpesa: string; segnalazioneImporto?: string; segnalazioneTipoVoceSpesa?: string }>;
};

export type SubmissionResult = {
  stato: 2 | 3 | 5;
  nInviati: number;
  nAccolti: number;
  nWarnings: number;
  nErrori: number;
  /** One row per message, for the error CSV (docs/STS-PROTOCOL.md §5). */
  rows: Array<{ document: StsDocument | null; tipoSpesa: string; message: DocumentMessage }>;
};

export type Submission = {
  protocollo: string;
  username: string;
  cfProprietario: string;
  fileName: string;
  size: number;
  receivedAt: string; // ISO
  zipBase64: string;
  result: SubmissionResult | null;
};

export type OperationCounts = Partial<Record<StsOperation, number>>;

/** What the simulator holds: persisted as JSON when a state file is configured. */
export type SimulatorState = {
  sequence: number;
  documents: Record<string, StoredDocument>;
  submissions: Submission[];
  /** Per document identity: what was received and what was accepted, by operation (proves "never twice"). */
  counts: Record<string, { received: OperationCounts; accepted: OperationCounts }>;
  citizenReports: CitizenReport[];
};

export function emptyState(): SimulatorState {
  return { sequence: 0, documents: {}, submissions: [], counts: {}, citizenReports: [] };
}

/** Records that `refundKey` refunds `originalKey` (once), on the original's entry when the simulator holds it. */
export function linkRefund(state: SimulatorState, originalKey: string, refundKey: string): void {
  const original = state.documents[originalKey];
  if (original && !original.refunds?.includes(refundKey)) original.refunds = [...(original.refunds ?? []), refundKey];
}

export function loadState(path: string | undefined): SimulatorState {
  if (!path) return emptyState();
  try {
    const state = { ...emptyState(), ...(JSON.parse(readFileSync(path, "utf8")) as Partial<SimulatorState>) };
    // State files written before refunds were linked to their original.
    for (const [key, stored] of Object.entries(state.documents)) {
      const original = stored.document.refundOf;
      if (original) linkRefund(state, documentKey(original), key);
    }
    return state;
  } catch {
    return emptyState();
  }
}

export function saveState(path: string | undefined, state: SimulatorState): void {
  if (path) writeFileSync(path, JSON.stringify(state));
}

export function bumpCount(state: SimulatorState, key: string, kind: "received" | "accepted", op: StsOperation): void {
  const entry = (state.counts[key] ??= { received: {}, accepted: {} });
  entry[kind][op] = (entry[kind][op] ?? 0) + 1;
}
