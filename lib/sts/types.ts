// Input types of the STS module. The app codes against these names.

export type StsOperation = "I" | "V" | "R" | "C";

export type StsDocumentId = {
  pIva: string;
  dataEmissione: string; // yyyy-MM-dd
  dispositivo: number;
  numDocumento: string;
};

export type StsTipoSpesa = "TK" | "FC" | "FV" | "AS" | "AD" | "SR" | "CT" | "PI" | "IC" | "AA" | "SV" | "SP";

export type StsExpenseItem = {
  tipoSpesa: StsTipoSpesa;
  flagTipoSpesa?: "1" | "2";
  amountCents: number;
  naturaIVA?: string;
  aliquotaIVA?: string; // "22.00"
};

export type StsDocument = {
  operation: StsOperation;
  id: StsDocumentId;
  refundOf?: StsDocumentId;
  dataPagamento: string; // yyyy-MM-dd
  flagPagamentoAnticipato?: boolean;
  cfCittadino?: string; // clear text; encrypted by the builder
  pagamentoTracciato?: "SI" | "NO";
  tipoDocumento: "F" | "D";
  flagOpposizione: boolean;
  items: StsExpenseItem[];
};

/** The issuer of the documents: one per file (docs/STS-PROTOCOL.md §9). cfProprietario is in clear; the builder
 * encrypts it. */
export type StsOwner = {
  cfProprietario: string;
  codiceRegione?: string;
  codiceAsl?: string;
  codiceSSA?: string;
};

export const TIPI_SPESA: readonly StsTipoSpesa[] = [
  "TK",
  "FC",
  "FV",
  "AS",
  "AD",
  "SR",
  "CT",
  "PI",
  "IC",
  "AA",
  "SV",
  "SP",
];

/** Identity key of a document on STS (docs/STS-PROTOCOL.md §10.1). */
export function documentKey(id: StsDocumentId): string {
  return `${id.pIva}|${id.dataEmissione}|${id.dispositivo}|${id.numDocumento}`;
}
