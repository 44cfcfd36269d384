import { createHash, X509Certificate } from "node:crypto";
import { unzipSync } from "fflate";

/** What an encryption certificate is, as an administrator needs to see it. */
export type EncryptionCertificateInfo = {
  pem: string;
  subject: string;
  issuer: string;
  validFrom: Date;
  validTo: Date;
  /** SHA-256 of the whole certificate (changes with every re-issue). */
  fingerprint256: string;
  /** SHA-256 of the public key (SPKI): the same across re-issues that keep the key, as STS's have so far. */
  keyFingerprint256: string;
  keyType: string;
  keyBits: number | null;
};

export class CertificateFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CertificateFileError";
  }
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

/**
 * Reads the encryption certificate out of what STS publishes: the PEM text, the DER `.cer` of the kit, or the kit's
 * ZIP (which holds `SanitelCF.cer`, possibly in a folder or inside a nested `SanitelCF.zip`). Returns PEM.
 */
export function readCertificateFile(bytes: Uint8Array): string {
  if (isZip(bytes)) return readFromZip(bytes, 0);
  return certificatePem(bytes);
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function certificatePem(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString("latin1");
  const block = PEM_BLOCK.exec(text);
  try {
    return new X509Certificate(block ? block[0] : Buffer.from(bytes)).toString();
  } catch {
    throw new CertificateFileError("Il file non contiene un certificato leggibile (né PEM né DER).");
  }
}

function readFromZip(bytes: Uint8Array, depth: number): string {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    throw new CertificateFileError("Il file ZIP non è leggibile.");
  }
  const names = Object.keys(entries).filter((name) => !name.endsWith("/"));
  const certificates = names.filter((name) => /\.(cer|crt|pem|der)$/i.test(name));
  // The kit's certificate is SanitelCF.cer; other certificates in a full kit (certificatiFirma/…) are not it.
  const chosen =
    certificates.find((name) => /(^|\/)SanitelCF[^/]*\.(cer|crt|pem|der)$/i.test(name)) ??
    (certificates.length === 1 ? certificates[0] : undefined);
  if (chosen) return certificatePem(entries[chosen]);
  const nested = names.find((name) => /(^|\/)SanitelCF[^/]*\.zip$/i.test(name));
  if (nested && depth < 2) return readFromZip(entries[nested], depth + 1);
  throw new CertificateFileError(
    certificates.length > 1
      ? `Lo ZIP contiene più certificati e nessuno si chiama SanitelCF.cer: estrai quello giusto e indica il file .cer.`
      : "Lo ZIP non contiene un certificato SanitelCF.cer.",
  );
}

export function describeCertificate(pem: string): EncryptionCertificateInfo {
  const cert = new X509Certificate(pem);
  const key = cert.publicKey;
  return {
    pem: cert.toString(),
    subject: cert.subject.replace(/\n/g, ", "),
    issuer: cert.issuer.replace(/\n/g, ", "),
    validFrom: new Date(cert.validFrom),
    validTo: new Date(cert.validTo),
    fingerprint256: cert.fingerprint256,
    keyFingerprint256: publicKeyFingerprint(pem),
    keyType: key.asymmetricKeyType ?? "sconosciuto",
    keyBits: key.asymmetricKeyDetails?.modulusLength ?? null,
  };
}

export function publicKeyFingerprint(pem: string): string {
  const der = new X509Certificate(pem).publicKey.export({ type: "spki", format: "der" });
  return createHash("sha256").update(der).digest("hex").toUpperCase();
}

/**
 * The checks an encryption certificate must pass to be installed (docs/STS.md, "A new certificate"): an RSA key
 * (STS decrypts with RSA PKCS#1 v1.5), valid today, and a subject naming SanitelCF, the certificate STS publishes for
 * this purpose — so that a TLS or signature certificate from the same kit is not installed by mistake.
 * Returns Italian problems; none means the certificate can be installed.
 */
export function encryptionCertificateProblems(info: EncryptionCertificateInfo, now: Date): string[] {
  const problems: string[] = [];
  if (info.keyType !== "rsa") problems.push(`La chiave del certificato non è RSA (è ${info.keyType}).`);
  else if (info.keyBits !== null && info.keyBits < 1024)
    problems.push(`La chiave RSA è troppo corta (${info.keyBits} bit).`);
  if (now > info.validTo) problems.push(`Il certificato è scaduto il ${italianDay(info.validTo)}.`);
  if (now < info.validFrom) problems.push(`Il certificato sarà valido solo dal ${italianDay(info.validFrom)}.`);
  if (!/CN=SanitelCF\b/i.test(info.subject))
    problems.push(
      `Il soggetto del certificato (${info.subject}) non è SanitelCF: controlla di aver preso il file SanitelCF.cer del kit.`,
    );
  return problems;
}

function italianDay(date: Date): string {
  const [y, m, d] = date.toISOString().slice(0, 10).split("-");
  return `${d}/${m}/${y}`;
}
