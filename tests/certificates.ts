// Certificates made by the tests themselves (node-forge signs; Node's crypto makes the keys): an encryption
// certificate for a key of the test's choice, and a private certification authority with a server certificate
// for the HTTPS simulator. Nothing here is used outside the tests.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import forge from "node-forge";

export type KeyPair = { privateKeyPem: string; publicKeyPem: string };

export function makeKeyPair(bits = 1024): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: bits,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

type Name = { CN: string; O?: string; OU?: string; C?: string };

function attributes(name: Name) {
  return [
    { shortName: "C", value: name.C ?? "IT" },
    { shortName: "O", value: name.O ?? "Parcella test" },
    ...(name.OU ? [{ shortName: "OU", value: name.OU }] : []),
    { shortName: "CN", value: name.CN },
  ];
}

function certificate(options: {
  subject: Name;
  subjectKey: KeyPair;
  issuer?: { name: Name; key: KeyPair };
  notBefore: Date;
  notAfter: Date;
  extensions?: object[];
}): string {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(options.subjectKey.publicKeyPem);
  cert.serialNumber = `01${randomBytes(8).toString("hex")}`;
  cert.validity.notBefore = options.notBefore;
  cert.validity.notAfter = options.notAfter;
  cert.setSubject(attributes(options.subject));
  cert.setIssuer(attributes(options.issuer?.name ?? options.subject));
  if (options.extensions) cert.setExtensions(options.extensions);
  const signer = options.issuer?.key ?? options.subjectKey;
  cert.sign(forge.pki.privateKeyFromPem(signer.privateKeyPem), forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

const DAY = 86_400_000;

/** A SanitelCF-like encryption certificate for `key` (a new key by default), valid from `from` to `to`. */
export function makeEncryptionCertificate(
  options: { key?: KeyPair; cn?: string; from?: Date; to?: Date } = {},
): KeyPair & { certificatePem: string } {
  const key = options.key ?? makeKeyPair();
  const now = Date.now();
  const certificatePem = certificate({
    subject: { CN: options.cn ?? "SanitelCF", O: "Agenzia delle Entrate", OU: "Servizi Telematici" },
    subjectKey: key,
    issuer: { name: { CN: "CA di prova", O: "Parcella test" }, key: makeKeyPair() },
    notBefore: options.from ?? new Date(now - DAY),
    notAfter: options.to ?? new Date(now + 3 * 365 * DAY),
  });
  return { ...key, certificatePem };
}

/** A private certification authority and a server certificate it signed for localhost / 127.0.0.1. */
export function makePrivateCa(): { caPem: string; serverCertPem: string; serverKeyPem: string } {
  const caKey = makeKeyPair(2048);
  const caName = { CN: "CA privata di prova", O: "Parcella test" };
  const now = Date.now();
  const caPem = certificate({
    subject: caName,
    subjectKey: caKey,
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + 365 * DAY),
    extensions: [
      { name: "basicConstraints", cA: true, critical: true },
      { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const serverKey = makeKeyPair(2048);
  const serverCertPem = certificate({
    subject: { CN: "localhost" },
    subjectKey: serverKey,
    issuer: { name: caName, key: caKey },
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + 30 * DAY),
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
        ],
      },
    ],
  });
  return { caPem, serverCertPem, serverKeyPem: serverKey.privateKeyPem };
}
