import Link from "next/link";
import { Nav } from "@/components/shell/nav";
import { LogoutButton } from "@/components/shell/logout-button";
import { PhoneMenu } from "@/components/shell/phone-menu";
import { CredentialsBanner } from "@/components/sts/credentials-banner";
import { EnvironmentBadge } from "@/components/sts/environment-badge";
import { StsInstallationBanner } from "@/components/sts/installation-banner";
import { requirePractitionerPage } from "@/lib/auth/session";

// Every page under this layout needs a session; each page and action checks it again itself.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const practitioner = await requirePractitionerPage();
  return (
    <div className="shell">
      <a className="skip-link" href="#contenuto">
        Vai al contenuto
      </a>
      <aside className="sidebar">
        <Link href="/" className="brand">
          Parcella
        </Link>
        <div className="sidebar-environment">
          <EnvironmentBadge />
        </div>
        <PhoneMenu>
          <Nav />
          <div className="sidebar-footer">
            <span className="who" data-testid="practitioner-name">
              {practitioner.name}
            </span>
            <LogoutButton />
          </div>
        </PhoneMenu>
      </aside>
      <main className="main" id="contenuto">
        <StsInstallationBanner />
        <CredentialsBanner practitionerId={practitioner.id} />
        {children}
      </main>
    </div>
  );
}
