import { formatIban } from "@/lib/domain/iban";
import type { Profile } from "@/lib/generated/sqlite/client";
import { basisPointsToPercentInput, type ProfileFormValues } from "@/lib/schemas/profile";

/** The form's initial text: the stored profile, or sensible defaults for a first visit. */
export function profileFormValues(profile: Profile | null, name: string, email: string): ProfileFormValues {
  return {
    displayName: profile?.displayName ?? name,
    profession: profile?.profession ?? "Psicologo/a",
    alboRegistration: profile?.alboRegistration ?? "",
    codiceFiscale: profile?.codiceFiscale ?? "",
    partitaIva: profile?.partitaIva ?? "",
    address: profile?.address ?? "",
    postalCode: profile?.postalCode ?? "",
    city: profile?.city ?? "",
    province: profile?.province ?? "",
    phone: profile?.phone ?? "",
    email: profile ? (profile.email ?? "") : email,
    taxRegime: profile?.taxRegime ?? "ordinario",
    pensionFundLabel: profile?.pensionFundLabel ?? "ENPAP",
    pensionFundRate: basisPointsToPercentInput(profile?.pensionFundRateBp ?? 200),
    bolloPolicy: profile?.bolloPolicy ?? "patient",
    defaultExpenseType: profile?.defaultExpenseType ?? "SP",
    iban: profile?.iban ? formatIban(profile.iban) : "",
    invoiceFooter: profile?.invoiceFooter ?? "",
  };
}
