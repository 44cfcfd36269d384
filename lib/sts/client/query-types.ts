// Typed results of the four query services. Amounts are integer cents; dates yyyy-MM-dd; null where STS left a
// field out. Like every client call, network and protocol problems come back as a classified StsFailure.
import type { StsDocumentId } from "../types";
import type { StsFailure } from "./classify";
import type { StsExchange } from "./exchange";
import type { StsMessage } from "./sts-client";

type WithExchanges = { exchanges: StsExchange[] };

/** Amount of one expense type (tipoSpesa as STS wrote it: the code list may grow). */
export type StsExpenseTotal = { tipoSpesa: string; amountCents: number };

/** A document as STS holds it (InterrogazionePuntuale's documentoFiscale). */
export type StsHeldDocument = {
  id: StsDocumentId;
  dataPagamento: string | null;
  totals: StsExpenseTotal[];
  /** What refunds (credit notes, operation R) have taken back from this document, per expense type. */
  refundedTotals: StsExpenseTotal[];
  /** The transmission that gave the document its current content. */
  protocollo: string | null;
  nomeFile: string | null;
  dataInvio: string | null;
  tipoInvio: string | null;
  /** listaErroriDocumento: the messages STS attached to the document (e.g. W003, W008). */
  errors: StsMessage[];
};

/**
 * InterrogazionePuntuale: `present`, `cancelled` (held but annulled: W010), or `absent` (WS96, STS does not have it).
 * Any other answer is a failure, classified like every other call.
 */
export type StsDocumentQueryResult =
  | ({ kind: "present" | "cancelled"; document: StsHeldDocument; messages: StsMessage[] } & WithExchanges)
  | ({ kind: "absent"; code: string; description: string; messages: StsMessage[] } & WithExchanges)
  | StsFailure;

/** One row of the monthly report. Columns are read by header name; `extra` keeps every column not recognised. */
export type StsMonthlyReportRow = {
  id: StsDocumentId;
  cfProprietario: string | null;
  dataPagamento: string | null;
  protocollo: string | null;
  nomeFile: string | null;
  dataInvio: string | null;
  tipoInvio: string | null;
  /** From the "TOTALE xx" columns, expense types with a non-zero amount only. */
  totals: StsExpenseTotal[];
  /** From the "TOTALE xx RIMBORSATO" columns, non-zero only. */
  refundedTotals: StsExpenseTotal[];
  extra: Record<string, string>;
};

export type StsMonthlyReportResult =
  | ({
      kind: "ok";
      /** yyyyMM, as sent. */
      annoMese: string;
      tipoEstrazione: string;
      /** The CSV's header as received (empty when STS had nothing for the month). */
      header: string[];
      rows: StsMonthlyReportRow[];
      messages: StsMessage[];
    } & WithExchanges)
  | StsFailure;

/** An expense line of a reported document with what the citizen reported about it (free text, as STS gives it). */
export type StsReportedItem = {
  tipoSpesa: string | null;
  amountCents: number | null;
  reportedAmount: string | null;
  reportedTipoSpesa: string | null;
};

/** DettaglioSegnalazione's documentoFiscale: a document and the citizens' reports about it. */
export type StsCitizenReportDetail = {
  id: StsDocumentId;
  dataPagamento: string | null;
  dataInvio: string | null;
  protocollo: string | null;
  nomeFile: string | null;
  /** listaSegnalazioniDocumento: reports about the document as a whole (free text). */
  reports: string[];
  items: StsReportedItem[];
  refundedItems: StsReportedItem[];
};

/** DettaglioSegnalazione: `reported`, or `none` (WS96: no report for that document, or no such document). */
export type StsCitizenReportResult =
  | ({ kind: "reported"; document: StsCitizenReportDetail; messages: StsMessage[] } & WithExchanges)
  | ({ kind: "none"; code: string; description: string; messages: StsMessage[] } & WithExchanges)
  | StsFailure;

/** One row of ReportSegnalazioni's CSV. Its columns are undocumented: only the identity is required. */
export type StsCitizenReportRow = {
  id: StsDocumentId;
  cfProprietario: string | null;
  dataPagamento: string | null;
  protocollo: string | null;
  dataSegnalazione: string | null;
  /** The citizen's text, when the CSV has such a column. */
  segnalazione: string | null;
  extra: Record<string, string>;
};

export type StsCitizenReportsResult =
  | ({
      kind: "ok";
      from: string;
      to: string;
      header: string[];
      rows: StsCitizenReportRow[];
      messages: StsMessage[];
    } & WithExchanges)
  | StsFailure;
