import { describeStsCode, type StsCodeInfo, type StsSeverity } from "../../sts/codes";

export type DocumentCode = StsCodeInfo & {
  /** What STS said for this document (falls back to the catalogue's text). */ message: string;
};

const SEVERITIES: readonly string[] = ["error", "warning", "info"];

/**
 * The codes of a submitted document (StsSubmissionDocument.codes, JSON `[{ code, severity, message }]`), each with
 * the catalogue's explanation and fix. The recorded severity wins over the catalogue's: it is what STS reported for
 * this document. Malformed JSON yields no codes rather than breaking the page.
 */
export function parseDocumentCodes(json: string | null): DocumentCode[] {
  if (!json) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item): DocumentCode[] => {
    if (!item || typeof item !== "object") return [];
    const { code, severity, message } = item as Record<string, unknown>;
    if (typeof code !== "string" || code.trim() === "") return [];
    const text = typeof message === "string" && message.trim() !== "" ? message.trim() : undefined;
    const info = describeStsCode(code.trim(), text);
    return [
      {
        ...info,
        severity:
          typeof severity === "string" && SEVERITIES.includes(severity) ? (severity as StsSeverity) : info.severity,
        message: text ?? info.description,
      },
    ];
  });
}
