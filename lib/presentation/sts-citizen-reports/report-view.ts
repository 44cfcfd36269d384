import type { StoredCitizenReport } from "../../data/sts-citizen-reports";
import type { StsCitizenReportDetail, StsReportedItem } from "../../sts/client/query-types";

/** What DettaglioSegnalazione told about the reported document, as stored with each report (JSON). */
export type CitizenReportDetail = {
  dataPagamento: string | null;
  /** Reports about the document as a whole (free text). */
  reports: string[];
  /** Expense lines: what STS holds and what the citizen reported about each. */
  items: StsReportedItem[];
  refundedItems: StsReportedItem[];
};

export function detailOf(document: StsCitizenReportDetail): CitizenReportDetail {
  return {
    dataPagamento: document.dataPagamento,
    reports: document.reports,
    items: document.items,
    refundedItems: document.refundedItems,
  };
}

export type CitizenReportView = Omit<StoredCitizenReport, "detail" | "extra"> & {
  detail: CitizenReportDetail | null;
  extra: Record<string, string>;
  /** The document's number as STS knows it (the last part of the identity). */
  numDocumento: string;
  /** The citizen's texts: the CSV's and the detail's, each once. */
  texts: string[];
  /** Expense lines the citizen reported something about. */
  reportedItems: StsReportedItem[];
};

function parse<T>(json: string, fallback: T): T {
  try {
    return (JSON.parse(json) as T) ?? fallback;
  } catch {
    return fallback;
  }
}

export function viewOf(report: StoredCitizenReport): CitizenReportView {
  const detail = parse<CitizenReportDetail | null>(report.detail, null);
  const texts = [
    ...new Set([...(report.text ? report.text.split(" | ") : []), ...(detail?.reports ?? [])].filter(Boolean)),
  ];
  return {
    ...report,
    detail,
    extra: parse<Record<string, string>>(report.extra, {}),
    numDocumento: report.identity.split("|").slice(3).join("|"),
    texts,
    reportedItems: [...(detail?.items ?? []), ...(detail?.refundedItems ?? [])].filter(
      (item) => item.reportedAmount || item.reportedTipoSpesa,
    ),
  };
}
