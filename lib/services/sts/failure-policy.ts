import type { StsFailure } from "../../sts/client/classify";

// Transport-level codes the STS client uses (anything else is a business code STS answered with).
const TRANSPORT = /^(TIMEOUT|MALFORMED|SOAP_FAULT|AUTH|HTTP\d{3}|E[A-Z_]+)$/;
// Transport failures that prove the request was never processed.
const NOT_REACHED = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "AUTH",
  "HTTP401",
  "HTTP403",
]);

// Whether a failed call may still have been processed by STS. A timeout, a reset, a garbled or 5xx answer may
// hide a success, so the attempt becomes "uncertain" and is resolved before anything is sent again — it is never
// simply re-sent as a new insert (docs/STS-TRANSMISSION.md, "Exactly once"). A business code from STS, a refused
// connection or an authentication fault is a definite "not processed".
export function mayHaveReachedSts(failure: StsFailure): boolean {
  if (failure.kind === "credentials") return false;
  if (failure.code === null) return true;
  if (!TRANSPORT.test(failure.code)) return false;
  return !NOT_REACHED.has(failure.code);
}
