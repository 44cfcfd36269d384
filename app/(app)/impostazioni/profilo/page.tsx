import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { ProfileForm } from "@/components/profile/profile-form";
import { ProfileIncompleteBanner } from "@/components/profile/profile-incomplete-banner";
import { requirePractitionerPage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { profileFormValues } from "@/components/profile/profile-form-values";
import { getProfile } from "@/lib/services/profile/get-profile";
import { isProfileComplete } from "@/lib/services/profile/is-profile-complete";
import { allowKitTestPartitaIva } from "@/lib/services/profile/profile-rules";

export const metadata: Metadata = { title: "Profilo" };

export default async function ProfiloPage() {
  const practitioner = await requirePractitionerPage();
  const profile = await getProfile({ db: db(), practitionerId: practitioner.id });
  return (
    <>
      <p>
        <Link href="/impostazioni">← Impostazioni</Link>
      </p>
      <h1>Profilo</h1>
      {isProfileComplete(profile) ? null : <ProfileIncompleteBanner />}
      <ProfileForm
        initial={profileFormValues(profile, practitioner.name, practitioner.email)}
        allowKitTestPartitaIva={allowKitTestPartitaIva()}
      />
    </>
  );
}
