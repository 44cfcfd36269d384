import type { Db } from "../lib/db";
import { findPractitionerByEmail } from "../lib/data/practitioners";
import { formatItalianDate } from "../lib/domain/dates";
import { diagnoseSts } from "../lib/services/sts/diagnose-sts";
import { installStsCertificate, removeInstalledStsCertificate } from "../lib/services/sts/install-sts-certificate";
import { currentStsCertificate } from "../lib/services/sts/sts-certificate";
import { loadStsCredentials } from "../lib/services/sts/sts-connection";
import { stsInstallationNotice } from "../lib/services/sts/sts-installation-notice";
import { describeCertificate, type EncryptionCertificateInfo } from "../lib/sts/crypto/certificate-file";
import { formatDoctorReport } from "../lib/sts/doctor/format";

// The installation commands of `npm run sts` (scripts/sts.ts): each prints Italian text (or JSON) and returns the
// exit code: 0 done, 1 refused or failed.

function describe(info: EncryptionCertificateInfo): string[] {
  return [
    `  soggetto: ${info.subject}`,
    `  emesso da: ${info.issuer}`,
    `  valido dal ${formatItalianDate(info.validFrom)} al ${formatItalianDate(info.validTo)}`,
    `  impronta SHA-256 del certificato: ${info.fingerprint256}`,
    `  impronta SHA-256 della chiave:    ${info.keyFingerprint256}`,
  ];
}

const SOURCE = { installed: "installato", shipped: "incluso in Parcella", file: "da STS_CERTIFICATE_FILE" } as const;

export async function install(db: Db, file: Uint8Array, json: boolean): Promise<number> {
  const result = await installStsCertificate({ db, file });
  if (json) {
    console.log(JSON.stringify(result, (key, value) => (key === "pem" ? undefined : value), 2));
    return result.ok ? 0 : 1;
  }
  if (!result.ok) {
    console.error(["Certificato NON installato:", ...result.problems.map((p) => `  - ${p}`)].join("\n"));
    if (result.certificate) console.error(describe(result.certificate).join("\n"));
    return 1;
  }
  const lines = [
    `Certificato di cifratura installato per l'ambiente «${result.environment}»:`,
    ...describe(result.installed),
    result.unchanged
      ? "È lo stesso certificato già in uso."
      : result.keyChanged
        ? `ATTENZIONE: la chiave pubblica è CAMBIATA rispetto al certificato in uso finora (${SOURCE[result.previous.source]}, valido fino al ${formatItalianDate(result.previous.validTo)}): il Sistema TS ha cambiato chiave, e da ora si cifra con quella nuova.`
        : `La chiave pubblica è la stessa del certificato in uso finora (${SOURCE[result.previous.source]}): cambia solo l'involucro, con la nuova scadenza.`,
    "Tutti i processi di Parcella (web e worker) lo usano dal prossimo invio, senza riavvio.",
  ];
  if (result.overriddenByFile)
    lines.push(
      "ATTENZIONE: è impostata STS_CERTIFICATE_FILE, che ha la precedenza: finché resta impostata si usa il certificato di quel file.",
    );
  console.log(lines.join("\n"));
  return 0;
}

export async function remove(db: Db, json: boolean): Promise<number> {
  const result = await removeInstalledStsCertificate({ db });
  if (json) console.log(JSON.stringify(result));
  else
    console.log(
      result.removed
        ? "Certificato installato rimosso: si torna a quello incluso in Parcella, dal prossimo invio."
        : "Nessun certificato installato: si usa già quello incluso in Parcella.",
    );
  return 0;
}

export async function status(db: Db, json: boolean): Promise<number> {
  const now = new Date();
  const certificate = await currentStsCertificate(db);
  const notice = await stsInstallationNotice(db, now);
  const info = describeCertificate(certificate.pem);
  if (json) {
    const { pem: _pem, ...rest } = info;
    console.log(JSON.stringify({ ...certificate, pem: undefined, certificate: rest, notice }, null, 2));
  } else {
    const lines = [
      `Ambiente: ${certificate.environment}. Certificato di cifratura in uso (${SOURCE[certificate.source]}${certificate.installedAt ? ` il ${formatItalianDate(certificate.installedAt)}` : ""}):`,
      ...describe(info),
    ];
    if (certificate.fileProblem) lines.push(`ATTENZIONE: ${certificate.fileProblem}`);
    lines.push(notice ? `${notice.title}. ${notice.text}` : "Nessun avviso: gli invii sono attivi.");
    console.log(lines.join("\n"));
  }
  return certificate.rejectedAt ? 1 : 0;
}

type DoctorFlags = { email?: string; username?: string; password?: string; pincode?: string; cf?: string };

export async function doctor(db: Db, flags: DoctorFlags, json: boolean): Promise<number> {
  const report = await diagnoseSts({ db, credentials: await doctorCredentials(db, flags) });
  console.log(json ? JSON.stringify(report, null, 2) : formatDoctorReport(report));
  return report.ok ? 0 : 1;
}

async function doctorCredentials(db: Db, flags: DoctorFlags) {
  if (flags.email) {
    const practitioner = await findPractitionerByEmail(db, flags.email.trim().toLowerCase());
    if (!practitioner) throw new Error(`Nessun professionista con email ${flags.email}.`);
    const stored = await loadStsCredentials(db, practitioner.id);
    if (!stored) throw new Error(`${flags.email} non ha ancora salvato codice fiscale, password e PIN del Sistema TS.`);
    return stored;
  }
  const username = flags.username ?? process.env.STS_USERNAME;
  const password = flags.password ?? process.env.STS_PASSWORD;
  const pincode = flags.pincode ?? process.env.STS_PINCODE;
  if (!username || !password || !pincode) return null;
  const cf = flags.cf ?? process.env.STS_CF_PROPRIETARIO ?? username;
  return {
    username: username.trim(),
    password: password.trim(),
    pincode: pincode.trim(),
    cfProprietario: cf.trim().toUpperCase(),
  };
}
