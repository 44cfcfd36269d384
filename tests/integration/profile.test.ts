import { describe, expect, it } from "vitest";
import { getProfile } from "../../lib/services/profile/get-profile";
import { isProfileComplete } from "../../lib/services/profile/is-profile-complete";
import { saveProfile } from "../../lib/services/profile/save-profile";
import { createTestProfile, KIT_PROFILE } from "../../prisma/seed/factories/profiles";
import { appErrorOf, registerTestPractitioner, testDb } from "./test-db";

const practitioner = async (label: string) => (await registerTestPractitioner(label)).id;

describe("profile", () => {
  it("is missing, hence incomplete, until first saved", async () => {
    const practitionerId = await practitioner("none");
    const profile = await getProfile({ db: testDb(), practitionerId });
    expect(profile).toBeNull();
    expect(isProfileComplete(profile)).toBe(false);
  });

  it("saves a complete profile with the kit P.IVA and the rate in basis points, then replaces it", async () => {
    const practitionerId = await practitioner("save");
    await createTestProfile(testDb(), practitionerId, { pensionFundRate: "2,5", bolloPolicy: "practitioner" });
    const saved = await getProfile({ db: testDb(), practitionerId });
    expect(saved).toMatchObject({ partitaIva: "65498732105", pensionFundRateBp: 250, bolloPolicy: "practitioner" });
    expect(isProfileComplete(saved)).toBe(true);

    await saveProfile({
      db: testDb(),
      practitionerId,
      input: { ...KIT_PROFILE, pensionFundRate: "0", iban: "", invoiceFooter: "" },
    });
    expect(await getProfile({ db: testDb(), practitionerId })).toMatchObject({
      pensionFundRateBp: 0,
      iban: null,
      invoiceFooter: null,
    });
    expect(await testDb().profile.count({ where: { practitionerId } })).toBe(1);
  });

  it("refuses the kit P.IVA in production and invalid fields, keeping the stored profile", async () => {
    const practitionerId = await practitioner("bad");
    await createTestProfile(testDb(), practitionerId);
    const before = await getProfile({ db: testDb(), practitionerId });

    const production = await appErrorOf(
      saveProfile({
        db: testDb(),
        practitionerId,
        input: { ...KIT_PROFILE, city: "Roma" },
        allowKitTestPartitaIva: false,
      }),
    );
    expect(production.fieldErrors.partitaIva?.[0]).toMatch(/cifra di controllo/);

    const invalid = await appErrorOf(
      saveProfile({
        db: testDb(),
        practitionerId,
        input: { ...KIT_PROFILE, pensionFundRate: "11", postalCode: "1234" },
      }),
    );
    expect(invalid.fieldErrors).toEqual({
      pensionFundRate: ["La percentuale non può superare il 10%."],
      postalCode: ["Il CAP ha 5 cifre."],
    });
    expect(await getProfile({ db: testDb(), practitionerId })).toEqual(before);
  });

  it("keeps each practitioner's profile to themselves", async () => {
    const a = await practitioner("iso-a");
    const b = await practitioner("iso-b");
    await createTestProfile(testDb(), a, { displayName: "Dott.ssa A" });
    expect(await getProfile({ db: testDb(), practitionerId: b })).toBeNull();
    await createTestProfile(testDb(), b, { displayName: "Dott. B" });
    expect((await getProfile({ db: testDb(), practitionerId: a }))?.displayName).toBe("Dott.ssa A");
  });
});
