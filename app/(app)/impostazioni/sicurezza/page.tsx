import type { Metadata } from "next";
import { DisableTwoFactorForm } from "@/components/two-factor/disable-two-factor-form";
import { TwoFactorSetup } from "@/components/two-factor/two-factor-setup";
import styles from "@/components/two-factor/two-factor.module.css";
import { requirePractitionerPage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isTwoFactorRequired } from "@/lib/services/two-factor/required-two-factor";
import { formatItalianDate } from "@/lib/domain/dates";
import { getTwoFactorStatus } from "@/lib/services/two-factor/get-two-factor-status";

export const metadata: Metadata = { title: "Sicurezza dell'account" };

export default async function SicurezzaPage() {
  const practitioner = await requirePractitionerPage();
  const status = await getTwoFactorStatus({ db: db(), practitionerId: practitioner.id });
  const e = env();
  const required = await isTwoFactorRequired({
    db: db(),
    practitioner,
    required: e.ADMIN_REQUIRE_2FA,
    adminEmail: e.ADMIN_EMAIL,
  });
  return (
    <>
      <h1>Sicurezza dell&apos;account</h1>
      {required ? (
        <p className="form-notice" role="note" data-testid="two-factor-required">
          {status.enabled
            ? "Come amministratore di questa installazione devi tenere attiva la verifica in due passaggi."
            : "Come amministratore di questa installazione devi attivare la verifica in due passaggi prima di continuare: gli account custodiscono dati sanitari dei pazienti."}
        </p>
      ) : null}
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
            {required ? null : <DisableTwoFactorForm />}
          </>
        ) : (
          <TwoFactorSetup />
        )}
      </section>
    </>
  );
}
