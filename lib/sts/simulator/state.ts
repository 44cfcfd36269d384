import { readFileSync, writeFileSync } from "node:fs";
import type { StsDocument, StsOperation } from "../types";

export type SimulatorUser = {
  username: string;
  password: string;
  pincode: string;
  cfProprietario: string;
  pIva?: string;
  /** false → the PIN is "non più attivo" (upload code 005). */
  pinActive?: boolean;
};

export type StoredDocument = { document: StsDocument; cancelled: boolean; protocollo: string; owner: string };

export type DocumentMessage = { code: string; description: string; tipo: "E" | "W" };

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
};

export function emptyState(): SimulatorState {
  return { sequence: 0, documents: {}, submissions: [], counts: {} };
}

export function loadState(path: string | undefined): SimulatorState {
  if (!path) return emptyState();
  try {
    return { ...emptyState(), ...(JSON.parse(readFileSync(path, "utf8")) as Partial<SimulatorState>) };
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
