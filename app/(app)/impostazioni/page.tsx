import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { ProfileIncompleteBanner } from "@/components/profile/profile-incomplete-banner";
import styles from "@/components/profile/profile.module.css";
import { requirePractitionerPage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isAdministrator } from "@/lib/services/installation/is-administrator";
import { getProfile } from "@/lib/services/profile/get-profile";
import { isProfileComplete } from "@/lib/services/profile/is-profile-complete";

export const metadata: Metadata = { title: "Impostazioni" };

export default async function ImpostazioniPage() {
  const practitioner = await requirePractitionerPage();
  const profile = await getProfile({ db: db(), practitionerId: practitioner.id });
  const administrator = await isAdministrator({ db: db(), practitioner, adminEmail: env().ADMIN_EMAIL });
  return (
    <>
      <h1>Impostazioni</h1>
      {isProfileComplete(profile) ? null : <ProfileIncompleteBanner />}
      <div className={styles.cards}>
        <Link href="/impostazioni/profilo" className={`card ${styles.cardLink}`}>
          <h2>Profilo</h2>
          <p>
            Dati che compaiono in fattura: anagrafica, partita IVA, regime fiscale, cassa previdenziale, bollo, IBAN.
          </p>
        </Link>
        <Link href="/impostazioni/sts" className={`card ${styles.cardLink}`}>
          <h2>Sistema Tessera Sanitaria</h2>
          <p>Credenziali e stato del collegamento per l&apos;invio delle spese sanitarie.</p>
        </Link>
        <Link href="/impostazioni/email" className={`card ${styles.cardLink}`}>
          <h2>E-mail</h2>
          <p>Mittente, server di posta, testi dei messaggi ai pazienti e promemoria di pagamento.</p>
        </Link>
        <Link href="/impostazioni/importa" className={`card ${styles.cardLink}`}>
          <h2>Importa dati</h2>
          <p>Pazienti e fatture da un altro programma o da un foglio di calcolo (CSV o XLSX).</p>
        </Link>
        <Link href="/impostazioni/esporta" className={`card ${styles.cardLink}`}>
          <h2>Esporta tutti i dati</h2>
          <p>Un file ZIP con pazienti, fatture, PDF, invii STS e impostazioni, da conservare o portare altrove.</p>
        </Link>
        <Link href="/impostazioni/commercialista" className={`card ${styles.cardLink}`}>
          <h2>Commercialista</h2>
          <p>Invita il tuo commercialista a consultare fatture e ricevute STS in sola lettura; revoca quando vuoi.</p>
        </Link>
        <Link href="/impostazioni/sicurezza" className={`card ${styles.cardLink}`}>
          <h2>Sicurezza dell&apos;account</h2>
          <p>
            Verifica in due passaggi: un codice dal telefono oltre alla password, per proteggere i dati dei pazienti.
          </p>
        </Link>
        {administrator ? (
          <Link href="/stato" className={`card ${styles.cardLink}`}>
            <h2>Stato dell&apos;installazione</h2>
            <p>Worker, backup, certificato, spazio su disco e aggiornamenti: cosa va bene e cosa controllare.</p>
          </Link>
        ) : null}
      </div>
    </>
  );
}
