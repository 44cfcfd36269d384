import type { Metadata } from "next";
import { LogoutButton } from "@/components/shell/logout-button";
import { LeavePracticeButton, OpenPracticeButton } from "@/components/accountants/practice-buttons";
import { requireAccountPage } from "@/lib/auth/session";
import { viewingAccessId } from "@/lib/auth/viewing";
import { db } from "@/lib/db";
import { listPracticesOfAccountant } from "@/lib/services/accountants/manage-access";

export const metadata: Metadata = { title: "Studi che segui" };

// The accountant's switch between the practices that gave them access (and the way back to their own account).
export default async function PracticesPage() {
  const account = await requireAccountPage();
  const [practices, current] = await Promise.all([
    listPracticesOfAccountant({ db: db(), accountantId: account.id }),
    viewingAccessId(),
  ]);
  const revoked = current !== null && !practices.some((p) => p.accessId === current);
  return (
    <main className="auth">
      <div className="card">
        <span className="brand">Parcella</span>
        <h1>Studi che segui</h1>
        {revoked ? (
          <p className="notice-warning" role="alert" data-testid="access-revoked">
            L&apos;accesso allo studio che stavi consultando non è più attivo.
          </p>
        ) : null}
        {practices.length === 0 ? (
          <p>Nessuno studio ti ha dato accesso. Apri il link di invito che ti hanno mandato.</p>
        ) : (
          <ul data-testid="practices">
            {practices.map((p) => (
              <li key={p.accessId}>
                {p.accessId === current ? <strong>{p.practitioner.name} (aperto ora) </strong> : null}
                <OpenPracticeButton accessId={p.accessId} practiceName={p.practitioner.name} />
              </li>
            ))}
          </ul>
        )}
        <p>Consulti in sola lettura: fatture, note di credito, esportazione CSV e ricevute STS.</p>
        <LeavePracticeButton /> <LogoutButton />
      </div>
    </main>
  );
}
