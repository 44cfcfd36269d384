import { describeStsCode, type StsCodeInfo, type StsSeverity } from "../../sts/codes";

export type DocumentCode = StsCodeInfo & {
  /** What STS said for this document (falls back to the catalogue's text). */ message: string;
  /** How many times STS reported this same code with this same text for the document (one per expense line, say). */
  times: number;
};

const SEVERITIES: readonly string[] = ["error", "warning", "info"];

/**
 * The codes of a submitted document (StsSubmissionDocument.codes, JSON `[{ code, severity, message }]`), each with
 * the catalogue's explanation and fix. The recorded severity wins over the catalogue's: it is what STS reported for
 * this document. The same code with the same text, reported once per expense line, is listed once with its count.
 * Malformed JSON yields no codes rather than breaking the page.
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
  const codes = raw.flatMap((item): DocumentCode[] => {
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
        times: 1,
      },
    ];
  });
  const distinct = new Map<string, DocumentCode>();
  for (const code of codes) {
    const key = `${code.code}\u0000${code.severity}\u0000${code.message}`;
    const seen = distinct.get(key);
    if (seen) seen.times += 1;
    else distinct.set(key, code);
  }
  return [...distinct.values()];
}
