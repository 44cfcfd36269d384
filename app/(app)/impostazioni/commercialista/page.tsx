import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { InviteAccountant } from "@/components/accountants/invite-accountant";
import styles from "@/components/profile/profile.module.css";
import { RevokeAccessButton } from "@/components/accountants/revoke-access-button";
import { requirePractitionerPage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatItalianDate } from "@/lib/domain/dates";
import { listAccountantAccess } from "@/lib/services/accountants/manage-access";

export const metadata: Metadata = { title: "Commercialista" };

export default async function AccountantSettingsPage() {
  const practitioner = await requirePractitionerPage();
  const accesses = await listAccountantAccess({ db: db(), practitionerId: practitioner.id, now: new Date() });
  return (
    <>
      <p>
        <Link href="/impostazioni">← Impostazioni</Link>
      </p>
      <h1>Commercialista</h1>
      <div className={styles.cards}>
        <InviteAccountant />
        <div className="card">
          <h2>Chi può consultare i tuoi documenti</h2>
          {accesses.length === 0 ? (
            <p>Nessun commercialista ha accesso, e non ci sono inviti aperti.</p>
          ) : (
            <ul data-testid="accountant-accesses">
              {accesses.map((access) => {
                const who = access.accountant
                  ? `${access.accountant.name} (${access.accountant.email})`
                  : `Invito del ${formatItalianDate(access.createdAt)}`;
                return (
                  <li key={access.id}>
                    {who}
                    {access.acceptedAt
                      ? ` · accesso dal ${formatItalianDate(access.acceptedAt)}`
                      : ` · non ancora accettato, scade il ${formatItalianDate(access.expiresAt)}`}{" "}
                    <RevokeAccessButton accessId={access.id} label={`Revoca: ${who}`} />
                  </li>
                );
              })}
            </ul>
          )}
          <p>La revoca vale subito: alla richiesta successiva il commercialista non vede più nulla.</p>
        </div>
      </div>
    </>
  );
}
