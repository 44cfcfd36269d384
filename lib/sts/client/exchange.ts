import type { SoapCallOutcome } from "./soap-transport";

/** A recorded SOAP exchange, safe to store: no Authorization header, no pincode, no ciphertext, no file bytes. */
export type StsExchange = {
  operation: string;
  url: string;
  httpStatus: number | null;
  durationMs: number;
  request: string;
  response: string | null;
};

const SECRET_ELEMENTS = /<((?:[\w.-]+:)?(?:pincodeInvianteCifrato|pinCode|pincode))(\s[^>]*)?>[\s\S]*?<\/\1>/g;
// Encrypted codici fiscali: 1024-bit RSA → 172 base64 characters. A clear CF (16 chars) is left readable.
const CIPHER_ELEMENTS = /<((?:[\w.-]+:)?(?:cfProprietario|cfCittadino))(\s[^>]*)?>\s*[A-Za-z0-9+/=\s]{64,}<\/\1>/g;
const BINARY_ELEMENTS = /<((?:[\w.-]+:)?(?:documento|csv|pdf|fileCSV))(\s[^>]*)?>\s*([A-Za-z0-9+/=\s]+?)\s*<\/\1>/g;

function base64Size(text: string): number {
  const compact = text.replace(/\s+/g, "");
  return Math.floor((compact.length * 3) / 4) - (compact.endsWith("==") ? 2 : compact.endsWith("=") ? 1 : 0);
}

/** Removes secrets and bulky payloads from a SOAP message before it is stored or logged. */
export function redactSoap(xml: string): string {
  return xml
    .replace(SECRET_ELEMENTS, (_m, tag: string, attrs = "") => `<${tag}${attrs}>[REDACTED]</${tag}>`)
    .replace(CIPHER_ELEMENTS, (_m, tag: string, attrs = "") => `<${tag}${attrs}>[REDACTED]</${tag}>`)
    .replace(
      BINARY_ELEMENTS,
      (_m, tag: string, attrs = "", data: string) =>
        `<${tag}${attrs}>[base64 omesso: ${base64Size(data)} byte]</${tag}>`,
    );
}

export function toExchange(
  operation: string,
  url: string,
  outcome: SoapCallOutcome,
  attachmentNote?: string,
): StsExchange {
  const request = redactSoap(outcome.request) + (attachmentNote ? `\n<!-- ${attachmentNote} -->` : "");
  return {
    operation,
    url,
    httpStatus: outcome.httpStatus,
    durationMs: outcome.durationMs,
    request,
    response: outcome.body === null ? null : redactSoap(outcome.body),
  };
}
