import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/app-error";
import { createPatient } from "../../lib/services/patients/create-patient";
import { getPatientOrThrow } from "../../lib/services/patients/get-patient-or-throw";
import { listPatients, PATIENTS_PAGE_SIZE } from "../../lib/services/patients/list-patients";
import { searchPatientsForPicker } from "../../lib/services/patients/search-patients-for-picker";
import { setPatientArchived } from "../../lib/services/patients/set-patient-archived";
import { updatePatient } from "../../lib/services/patients/update-patient";
import { createTestPatient } from "../../prisma/seed/factories/patients";
import { nextCodiceFiscale } from "../../prisma/seed/factories/codice-fiscale";
import { appErrorOf, registerTestPractitioner, testDb } from "./test-db";

const practitioner = async (label: string) => (await registerTestPractitioner(label)).id;

describe("patients", () => {
  it("creates a person with the birth date derived from the codice fiscale and a lower-cased search text", async () => {
    const practitionerId = await practitioner("create");
    const codiceFiscale = nextCodiceFiscale({ birthDate: "1990-02-03", sex: "F" });
    const created = await createPatient({
      db: testDb(),
      practitionerId,
      input: { kind: "person", firstName: "Giulia", lastName: "De Santis", codiceFiscale: codiceFiscale.toLowerCase() },
    });
    const stored = await getPatientOrThrow({ db: testDb(), practitionerId, patientId: created.id });
    expect(stored).toMatchObject({
      codiceFiscale,
      birthDate: "1990-02-03",
      searchText: `de santis giulia ${codiceFiscale.toLowerCase()}`,
      archivedAt: null,
    });
  });

  it("creates foreign patients without a codice fiscale and companies with a P.IVA", async () => {
    const practitionerId = await practitioner("kinds");
    const input = { kind: "person", firstName: "John", lastName: "Smith", foreign: true } as const;
    // Several foreign patients: the missing codice fiscale is not a duplicate.
    await createPatient({ db: testDb(), practitionerId, input });
    const second = await createPatient({ db: testDb(), practitionerId, input: { ...input, firstName: "Jane" } });
    expect(second).toMatchObject({ foreign: true, codiceFiscale: null });
    const company = await createPatient({
      db: testDb(),
      practitionerId,
      input: { kind: "company", companyName: "Alfa Servizi srl", partitaIva: "12345678903" },
    });
    expect(company).toMatchObject({ kind: "company", partitaIva: "12345678903", searchText: "alfa servizi srl" });
  });

  it("refuses a duplicate codice fiscale beside the field, also when saves race, and saves nothing", async () => {
    const practitionerId = await practitioner("dup");
    const codiceFiscale = nextCodiceFiscale();
    const input = { kind: "person", firstName: "Marco", lastName: "Neri", codiceFiscale };
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => createPatient({ db: testDb(), practitionerId, input })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) {
      if (r.status === "rejected") {
        expect((r.reason as AppError).code).toBe("conflict");
        expect((r.reason as AppError).fieldErrors.codiceFiscale?.[0]).toMatch(
          /Hai già un paziente con questo codice fiscale/,
        );
      }
    }
    expect(await testDb().patient.count({ where: { practitionerId } })).toBe(1);

    // Another practitioner may have the same person as patient.
    const other = await practitioner("dup-other");
    await expect(createPatient({ db: testDb(), practitionerId: other, input })).resolves.toBeTruthy();
  });

  it("returns field errors for invalid input and saves nothing", async () => {
    const practitionerId = await practitioner("invalid");
    const good = nextCodiceFiscale();
    const wrong = good.slice(0, 15) + (good[15] === "A" ? "B" : "A");
    const error = await appErrorOf(
      createPatient({
        db: testDb(),
        practitionerId,
        input: { kind: "person", firstName: "Ada", lastName: "", codiceFiscale: wrong },
      }),
    );
    expect(error.code).toBe("validation");
    expect(error.fieldErrors).toEqual({
      lastName: ["Indica il cognome."],
      codiceFiscale: ["Il carattere di controllo non è corretto."],
    });
    expect(await testDb().patient.count({ where: { practitionerId } })).toBe(0);
  });

  it("updates a patient, keeps the search text in step and refuses another patient's codice fiscale", async () => {
    const practitionerId = await practitioner("update");
    const first = await createTestPatient(testDb(), practitionerId, { firstName: "Luca", lastName: "Verdi" });
    const second = await createTestPatient(testDb(), practitionerId);
    const updated = await updatePatient({
      db: testDb(),
      practitionerId,
      patientId: first.id,
      input: {
        kind: "person",
        firstName: "Luca",
        lastName: "Verdini",
        codiceFiscale: first.codiceFiscale!,
        city: "Torino",
      },
    });
    expect(updated).toMatchObject({
      lastName: "Verdini",
      city: "Torino",
      searchText: `verdini luca ${first.codiceFiscale!.toLowerCase()}`,
    });

    const error = await appErrorOf(
      updatePatient({
        db: testDb(),
        practitionerId,
        patientId: first.id,
        input: { kind: "person", firstName: "Luca", lastName: "Verdini", codiceFiscale: second.codiceFiscale! },
      }),
    );
    expect(error.fieldErrors.codiceFiscale?.[0]).toMatch(/Hai già un paziente/);
    expect((await getPatientOrThrow({ db: testDb(), practitionerId, patientId: first.id })).codiceFiscale).toBe(
      first.codiceFiscale,
    );
  });

  it("searches case-insensitively by name and codice fiscale, and archives", async () => {
    const practitionerId = await practitioner("search");
    const anna = await createTestPatient(testDb(), practitionerId, { firstName: "Anna", lastName: "D'Amico" });
    await createTestPatient(testDb(), practitionerId, { firstName: "Bruno", lastName: "Esposito" });

    const search = (q: string, archived = false) => listPatients({ db: testDb(), practitionerId, q, archived });
    expect((await search("d'AMICO")).patients.map((p) => p.id)).toEqual([anna.id]);
    expect((await search("anna d'amico")).patients.map((p) => p.id)).toEqual([anna.id]);
    expect((await search(anna.codiceFiscale!.slice(0, 9).toLowerCase())).patients.map((p) => p.id)).toEqual([anna.id]);
    expect((await search("")).total).toBe(2);
    expect((await searchPatientsForPicker({ db: testDb(), practitionerId, q: "ANNA" })).map((p) => p.id)).toEqual([
      anna.id,
    ]);

    await setPatientArchived({ db: testDb(), practitionerId, patientId: anna.id, archived: true });
    expect((await search("amico")).total).toBe(0);
    expect((await search("amico", true)).patients.map((p) => p.id)).toEqual([anna.id]);
    expect(await searchPatientsForPicker({ db: testDb(), practitionerId, q: "anna" })).toEqual([]);

    await setPatientArchived({ db: testDb(), practitionerId, patientId: anna.id, archived: false });
    expect((await search("amico")).total).toBe(1);
  });

  it("paginates 25 per page in alphabetical order", async () => {
    const practitionerId = await practitioner("pages");
    for (let i = 0; i < PATIENTS_PAGE_SIZE + 2; i++) {
      await createTestPatient(testDb(), practitionerId, { lastName: `Cognome${String(i).padStart(2, "0")}` });
    }
    const first = await listPatients({ db: testDb(), practitionerId, page: 1 });
    expect(first).toMatchObject({ total: 27, page: 1, pageCount: 2 });
    expect(first.patients).toHaveLength(25);
    expect(first.patients[0].lastName).toBe("Cognome00");
    const last = await listPatients({ db: testDb(), practitionerId, page: 9 });
    expect(last.page).toBe(2);
    expect(last.patients.map((p) => p.lastName)).toEqual(["Cognome25", "Cognome26"]);
  });

  it("isolates practitioners: B can neither read, update, archive nor list A's patients", async () => {
    const a = await practitioner("iso-a");
    const b = await practitioner("iso-b");
    const patient = await createTestPatient(testDb(), a, { firstName: "Segreto", lastName: "Isolato" });
    const before = await getPatientOrThrow({ db: testDb(), practitionerId: a, patientId: patient.id });

    // Started one at a time: a rejection created before its turn to be awaited would be reported as unhandled.
    const attempts = [
      () => getPatientOrThrow({ db: testDb(), practitionerId: b, patientId: patient.id }),
      () =>
        updatePatient({
          db: testDb(),
          practitionerId: b,
          patientId: patient.id,
          input: { kind: "person", firstName: "Preso", lastName: "Da B", foreign: true },
        }),
      () => setPatientArchived({ db: testDb(), practitionerId: b, patientId: patient.id, archived: true }),
    ];
    for (const attempt of attempts) expect((await appErrorOf(attempt())).code).toBe("not_found");
    expect((await listPatients({ db: testDb(), practitionerId: b, q: "isolato" })).total).toBe(0);
    expect((await listPatients({ db: testDb(), practitionerId: b, archived: true })).total).toBe(0);
    expect(await searchPatientsForPicker({ db: testDb(), practitionerId: b, q: "segreto" })).toEqual([]);

    expect(await getPatientOrThrow({ db: testDb(), practitionerId: a, patientId: patient.id })).toEqual(before);
  });
});
