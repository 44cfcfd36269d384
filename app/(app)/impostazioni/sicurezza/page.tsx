import type { Metadata } from "next";
import { DisableTwoFactorForm } from "@/components/two-factor/disable-two-factor-form";
import { TwoFactorSetup } from "@/components/two-factor/two-factor-setup";
import styles from "@/components/two-factor/two-factor.module.css";
import { requirePractitionerPage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatItalianDate } from "@/lib/domain/dates";
import { getTwoFactorStatus } from "@/lib/services/two-factor/get-two-factor-status";

export const metadata: Metadata = { title: "Sicurezza dell'account" };

export default async function SicurezzaPage() {
  const practitioner = await requirePractitionerPage();
  const status = await getTwoFactorStatus({ db: db(), practitionerId: practitioner.id });
  return (
    <>
      <h1>Sicurezza dell&apos;account</h1>
      <section className={`card ${styles.card}`} aria-labelledby="two-factor-title">
        <h2 id="two-factor-title">Verifica in due passaggi</h2>
        {status.enabled ? (
          <>
            <p className={styles.on}>
              Attiva dal {formatItalianDate(status.enabledAt)}: per accedere servono la password e il codice
              dell&apos;app di autenticazione.
            </p>
            <p>
              Codici di recupero ancora validi: <strong>{status.recoveryCodesLeft}</strong> su 10.
              {status.recoveryCodesLeft <= 3
                ? " Ne restano pochi: disattiva e riattiva la verifica per averne di nuovi."
                : null}
            </p>
            <DisableTwoFactorForm />
          </>
        ) : (
          <TwoFactorSetup />
        )}
      </section>
    </>
  );
}
