import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { exportPatientData } from "../../lib/services/export/export-patient";
import { deletePatient } from "../../lib/services/patients/delete-patient";
import { createTestInvoice } from "../../prisma/seed/factories/invoices";
import { createTestPatient } from "../../prisma/seed/factories/patients";
import { createTestProfile } from "../../prisma/seed/factories/profiles";
import { appErrorOf, registerTestPractitioner, testDb } from "./test-db";

describe("a patient's data", () => {
  it("exports the patient's card, documents and PDFs; deletion is refused during the 10-year retention", async () => {
    const db = testDb();
    const p = await registerTestPractitioner("patient-data");
    await createTestProfile(db, p.id);
    const patient = await createTestPatient(db, p.id, { lastName: "Portabile" });
    const other = await createTestPatient(db, p.id);
    await createTestInvoice(db, p.id, { patientId: patient.id, issueDate: "2026-03-10" });
    await createTestInvoice(db, p.id, { patientId: patient.id, issueDate: "2026-03-11" });
    await createTestInvoice(db, p.id, { patientId: other.id, issueDate: "2026-03-12" });
    await createTestInvoice(db, p.id, { patientId: patient.id, issueDate: "2026-03-13", issue: false });

    const now = new Date("2026-11-26T09:00:00Z");
    const exported = await exportPatientData({ db, practitionerId: p.id, patientId: patient.id, now });
    expect(exported.fileName).toMatch(/^dati-portabile-.+-2026-11-26\.zip$/);
    const files = unzipSync(exported.bytes);
    expect(Object.keys(files).sort()).toEqual([
      "documenti.json",
      "manifest.json",
      "paziente.json",
      "pdf/fattura-1-2026.pdf",
      "pdf/fattura-2-2026.pdf",
    ]);
    const card = JSON.parse(new TextDecoder().decode(files["paziente.json"])) as Record<string, unknown>;
    expect(card).toMatchObject({ lastName: "Portabile", codiceFiscale: patient.codiceFiscale });
    expect(card).not.toHaveProperty("practitionerId");

    const refused = await appErrorOf(deletePatient({ db, practitionerId: p.id, patientId: patient.id, now }));
    expect(refused.code).toBe("conflict");
    expect(refused.userMessage).toContain("l'ultimo documento intestato a lui è del 11/03/2026");
    expect(refused.userMessage).toContain("fino al 11/03/2036");
    expect(await db.patient.count({ where: { id: patient.id } })).toBe(1);

    // A patient with only a draft goes, with the draft.
    const fresh = await createTestPatient(db, p.id);
    await createTestInvoice(db, p.id, { patientId: fresh.id, issueDate: "2026-03-14", issue: false });
    await deletePatient({ db, practitionerId: p.id, patientId: fresh.id, now });
    expect(await db.patient.count({ where: { id: fresh.id } })).toBe(0);
    expect(await db.invoice.count({ where: { patientId: fresh.id } })).toBe(0);
  });
});
