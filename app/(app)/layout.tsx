import Link from "@/components/ui/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { Nav } from "@/components/shell/nav";
import { LogoutButton } from "@/components/shell/logout-button";
import { PhoneMenu } from "@/components/shell/phone-menu";
import { CredentialsBanner } from "@/components/sts/credentials-banner";
import { EnvironmentBadge } from "@/components/sts/environment-badge";
import { StsInstallationBanner } from "@/components/sts/installation-banner";
import { AccountantNav } from "@/components/shell/accountant-nav";
import { isAccountantPage } from "@/lib/auth/accountant-pages";
import { requireReaderPage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { mustEnrolTwoFactor } from "@/lib/services/two-factor/required-two-factor";
import { followsAnyPractice } from "@/lib/services/accountants/manage-access";

const SECURITY_PAGE = "/impostazioni/sicurezza";

// Every page under this layout needs a session; each page and action checks it again itself. An accountant looking
// at a practice gets the read-only shell (the pages outside its set send them to /commercialista).
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const { practitioner, accountant } = await requireReaderPage();
  const path = (await headers()).get("x-parcella-path") ?? "/";
  if (accountant && !isAccountantPage(path)) redirect("/commercialista");
  // An administrator the installation requires to use two-factor authentication turns it on before anything else.
  const e = env();
  if (
    !accountant &&
    !path.startsWith(SECURITY_PAGE) &&
    (await mustEnrolTwoFactor({ db: db(), practitioner, required: e.ADMIN_REQUIRE_2FA, adminEmail: e.ADMIN_EMAIL }))
  )
    redirect(SECURITY_PAGE);
  // An account that is also somebody's accountant finds the practices it follows from its own shell.
  const follows = accountant ? false : await followsAnyPractice({ db: db(), accountantId: practitioner.id });
  return (
    <div className="shell">
      <a className="skip-link" href="#contenuto">
        Vai al contenuto
      </a>
      <aside className="sidebar">
        <Link href={accountant ? "/fatture" : "/"} prefetch="intent" className="brand">
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
            {follows ? <Link href="/commercialista">Studi che segui</Link> : null}
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
