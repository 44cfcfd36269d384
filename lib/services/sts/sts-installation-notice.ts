import type { DbOrTx } from "../../db";
import { formatItalianDate } from "../../domain/dates";
import { checkCertificateValidity } from "../../sts/crypto/certificate";
import { currentStsCertificate } from "./sts-certificate";
import { describeStsCode } from "../../sts/codes";

/** What every practitioner of the installation must know about its STS connection, or null. */
export type StsInstallationNotice = { tone: "danger" | "warning"; title: string; text: string };

const INSTALL = "npm run sts -- install-certificate";

/**
 * The installation-wide notice shown at the top of every page: sending paused because STS refuses the certificate
 * (002), or the certificate expiring (from 60 days before) or expired — which alone never stops sending.
 */
export async function stsInstallationNotice(db: DbOrTx, now: Date): Promise<StsInstallationNotice | null> {
  const certificate = await currentStsCertificate(db);
  if (certificate.rejectedAt) {
    return {
      tone: "danger",
      title: "Invii al Sistema TS sospesi per tutta l'installazione",
      text: `Dal ${formatItalianDate(certificate.rejectedAt)}, codice 002. ${describeStsCode("002").explanation}`,
    };
  }
  const validity = checkCertificateValidity(certificate.pem, now);
  if (!validity.validTo) return null;
  const until = formatItalianDate(validity.validTo);
  if (validity.status === "expired") {
    return {
      tone: "warning",
      title: `Il certificato di cifratura del Sistema TS è scaduto il ${until}`,
      text: `Gli invii continuano: finora il Sistema TS ha rinnovato il certificato mantenendo la stessa chiave, e se dovesse rifiutarlo te lo diremo qui. Appena il Sistema TS pubblica il kit con il certificato nuovo, l'amministratore di Parcella lo installa con «${INSTALL}» (docs/STS.md), senza aggiornare Parcella.`,
    };
  }
  if (validity.status === "expiring") {
    const days = validity.daysLeft === 1 ? "1 giorno" : `${validity.daysLeft} giorni`;
    return {
      tone: "warning",
      title: `Il certificato di cifratura del Sistema TS scade il ${until} (tra ${days})`,
      text: `Gli invii continuano normalmente. Quando il Sistema TS pubblica il kit con il certificato nuovo, l'amministratore di Parcella lo installa con «${INSTALL}» (docs/STS.md), senza aggiornare Parcella.`,
    };
  }
  return null;
}
