import Link from "next/link";
import { Nav } from "@/components/shell/nav";
import { LogoutButton } from "@/components/shell/logout-button";
import { PhoneMenu } from "@/components/shell/phone-menu";
import { CredentialsBanner } from "@/components/sts/credentials-banner";
import { EnvironmentBadge } from "@/components/sts/environment-badge";
import { StsInstallationBanner } from "@/components/sts/installation-banner";
import { AccountantNav } from "@/components/shell/accountant-nav";
import { requireReaderPage } from "@/lib/auth/session";

// Every page under this layout needs a session; each page and action checks it again itself. An accountant looking
// at a practice gets the read-only shell (the pages outside its set send them to /commercialista).
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const { practitioner, accountant } = await requireReaderPage();
  return (
    <div className="shell">
      <a className="skip-link" href="#contenuto">
        Vai al contenuto
      </a>
      <aside className="sidebar">
        <Link href={accountant ? "/fatture" : "/"} className="brand">
          Parcella
        </Link>
        <div className="sidebar-environment">
          <EnvironmentBadge />
        </div>
        <PhoneMenu>
          {accountant ? <AccountantNav /> : <Nav />}
          <div className="sidebar-footer">
            <span className="who" data-testid="practitioner-name">
              {practitioner.name}
            </span>
            {accountant ? (
              <span className="who" data-testid="accountant-name">
                Sola lettura · {accountant.name}
              </span>
            ) : null}
            <LogoutButton />
          </div>
        </PhoneMenu>
      </aside>
      <main className="main" id="contenuto">
        {accountant ? null : (
          <>
            <StsInstallationBanner />
            <CredentialsBanner practitionerId={practitioner.id} />
          </>
        )}
        {children}
      </main>
    </div>
  );
}
