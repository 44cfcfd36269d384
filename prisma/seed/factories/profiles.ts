import type { Db } from "../../../lib/db";
import type { ProfileInput } from "../../../lib/schemas/profile";
import { saveProfile } from "../../../lib/services/profile/save-profile";

// The public STS test user for psychologists (codice fiscale and P.IVA of the kit): works with the simulator.
export const KIT_PROFILE: ProfileInput = {
  displayName: "Dott.ssa Maria Motta",
  profession: "Psicologa",
  codiceFiscale: "MTOMRA66A41G224M",
  partitaIva: "65498732105",
  address: "Via Garibaldi 12",
  postalCode: "20121",
  city: "Milano",
  province: "MI",
  phone: "02 1234567",
  email: "studio.motta@example.test",
  taxRegime: "ordinario",
  pensionFundLabel: "ENPAP",
  pensionFundRate: "2",
  bolloPolicy: "patient",
  defaultExpenseType: "SP",
  iban: "IT60X0542811101000000123456",
  invoiceFooter: "Pagamento tramite bonifico entro 15 giorni.",
};

/** A complete, valid profile saved through the same service as the profile page. */
export function createTestProfile(db: Db, practitionerId: string, overrides: Partial<ProfileInput> = {}) {
  return saveProfile({ db, practitionerId, input: { ...KIT_PROFILE, ...overrides }, allowKitTestPartitaIva: true });
}
