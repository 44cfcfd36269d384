import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { AcceptInvitationButton } from "@/components/accountants/practice-buttons";
import { optionalPractitioner } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { describeInvitation } from "@/lib/services/accountants/accept-invitation";

export const metadata: Metadata = { title: "Invito del commercialista" };

// Opened by the accountant from the link: before login it says who invites and asks to log in or register
// (coming back here); logged in, it accepts. It shows nothing of the practice but its name.
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const account = await optionalPractitioner();
  const invitation = await describeInvitation({ db: db(), token, accountId: account?.id ?? null, now: new Date() });
  const back = encodeURIComponent(`/invito/${token}`);
  return (
    <main className="auth">
      <div className="card">
        <span className="brand">Parcella</span>
        <h1>Invito del commercialista</h1>
        {!invitation ? (
          <p className="form-error">Invito non trovato: controlla di aver copiato tutto il link.</p>
        ) : invitation.refusal ? (
          <p className="form-error">{invitation.refusal}</p>
        ) : (
          <>
            <p>
              <strong>{invitation.practitionerName}</strong> ti invita a consultare in sola lettura le sue fatture, le
              note di credito e le ricevute del Sistema Tessera Sanitaria.
            </p>
            {account ? (
              <AcceptInvitationButton token={token} practiceName={invitation.practitionerName} />
            ) : (
              <p>
                <Link href={`/login?next=${back}`}>Accedi</Link> con il tuo account oppure{" "}
                <Link href={`/registrazione?next=${back}`}>registrati</Link>, poi torna a questo link.
              </p>
            )}
          </>
        )}
      </div>
    </main>
  );
}
