import { X509Certificate } from "node:crypto";

export type CertificateValidity = {
  status: "valid" | "expiring" | "expired" | "not_yet_valid" | "unreadable";
  validFrom: Date | null;
  validTo: Date | null;
  daysLeft: number | null;
  fingerprint256: string | null;
  /** Italian warning for the practitioner or the operator, when there is something to do. */
  warning: string | null;
};

const DAY_MS = 24 * 60 * 60 * 1000;
export const CERTIFICATE_WARNING_DAYS = 60;

type ParsedDates = { validFrom: number; validTo: number; fingerprint256: string };

// The web layout checks the certificate on every request (its expiry banner): each PEM is parsed once per process.
// The key is the PEM itself, so an installed or renewed certificate is parsed afresh the moment it is in use.
const parsedCertificates = new Map<string, ParsedDates | null>();
const MAX_PARSED = 8;

function parseDates(pem: string): ParsedDates | null {
  if (parsedCertificates.has(pem)) return parsedCertificates.get(pem)!;
  let dates: ParsedDates | null;
  try {
    const cert = new X509Certificate(pem);
    dates = {
      validFrom: new Date(cert.validFrom).getTime(),
      validTo: new Date(cert.validTo).getTime(),
      fingerprint256: cert.fingerprint256,
    };
  } catch {
    dates = null;
  }
  if (parsedCertificates.size >= MAX_PARSED) parsedCertificates.clear();
  parsedCertificates.set(pem, dates);
  return dates;
}

/** Checks an encryption certificate at start-up: warns when it expires within 60 days. */
export function checkCertificateValidity(pem: string, now: Date): CertificateValidity {
  const dates = parseDates(pem);
  if (!dates) {
    return {
      status: "unreadable",
      validFrom: null,
      validTo: null,
      daysLeft: null,
      fingerprint256: null,
      warning: "Il certificato di cifratura del Sistema TS non è leggibile.",
    };
  }
  const validFrom = new Date(dates.validFrom);
  const validTo = new Date(dates.validTo);
  const daysLeft = Math.floor((validTo.getTime() - now.getTime()) / DAY_MS);
  const base = { validFrom, validTo, daysLeft, fingerprint256: dates.fingerprint256 };
  const until = validTo.toISOString().slice(0, 10);
  if (now < validFrom) {
    return {
      ...base,
      status: "not_yet_valid",
      warning: `Il certificato di cifratura del Sistema TS non è ancora valido (dal ${validFrom.toISOString().slice(0, 10)}).`,
    };
  }
  if (now > validTo) {
    return {
      ...base,
      status: "expired",
      warning: `Il certificato di cifratura del Sistema TS è scaduto il ${until}: aggiornarlo con quello del nuovo kit STS.`,
    };
  }
  if (daysLeft < CERTIFICATE_WARNING_DAYS) {
    return {
      ...base,
      status: "expiring",
      warning: `Il certificato di cifratura del Sistema TS scade il ${until} (tra ${daysLeft} giorni): aggiornarlo con quello del nuovo kit STS.`,
    };
  }
  return { ...base, status: "valid", warning: null };
}
