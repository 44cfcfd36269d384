import { expect, test } from "@playwright/test";
import { unzipSync } from "fflate";
import { registerAndLogin } from "./helpers";
import { seedInvoice, seedPatient, seedProfile } from "./seed";

test("full export and a patient's data: ZIP with manifest; deletion refused during retention", async ({ page }) => {
  const email = await registerAndLogin(page, "Dott.ssa Elsa Esporta");
  await seedProfile(email);
  const patient = await seedPatient(email, { firstName: "Piero", lastName: "Conservato" });
  await seedInvoice(email, { patientId: patient.id, issueDate: "2026-03-10" });

  await page.goto(`/pazienti/${patient.id}`);
  await page.getByRole("button", { name: "Elimina il paziente" }).click();
  await page.getByRole("button", { name: "Sì, elimina" }).click();
  await expect(page.locator(".form-error")).toContainText("vanno conservati per 10 anni, fino al 10/03/2036");
  await expect(page.getByRole("heading", { name: /Conservato/ })).toBeVisible();

  const own = await page.request.get(`/pazienti/${patient.id}/dati`);
  expect(own.status()).toBe(200);
  expect(Object.keys(unzipSync(await own.body())).sort()).toEqual([
    "documenti.json",
    "manifest.json",
    "paziente.json",
    "pdf/fattura-1-2026.pdf",
  ]);

  await page.goto("/impostazioni");
  await page.getByRole("link", { name: /Esporta tutti i dati/ }).click();
  await page.getByRole("button", { name: "Prepara l'esportazione" }).click();
  const link = page.getByRole("link", { name: "Scarica il file ZIP" });
  await expect(link).toBeVisible({ timeout: 60_000 });
  const zip = await page.request.get((await link.getAttribute("href"))!);
  expect(zip.headers()["content-type"]).toBe("application/zip");
  const files = unzipSync(await zip.body());
  const manifest = JSON.parse(new TextDecoder().decode(files["manifest.json"])) as { files: { path: string }[] };
  expect(manifest.files.map((f) => f.path).sort()).toEqual(
    Object.keys(files)
      .filter((f) => f !== "manifest.json")
      .sort(),
  );
  expect(Object.keys(files)).toContain("pdf/fattura-1-2026.pdf");
});
