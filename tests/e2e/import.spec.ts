import { expect, test } from "@playwright/test";
import { buildImportXlsx, type FixtureOptions } from "../support/import-fixture";
import { registerAndLogin } from "./helpers";
import { seedProfile } from "./seed";
import { screenshot } from "./screenshots";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

test("import: upload, columns, preview with row errors, fixed file imported, numbering goes on", async ({ page }) => {
  const email = await registerAndLogin(page, "Dott. Nicola Import");
  await seedProfile(email);
  const fixture: FixtureOptions = {
    rows: 30,
    year: 2026,
    lastMonth: 10,
    patients: 6,
    cfSequence: 2_000_000 + Math.floor(Math.random() * 1_000_000),
  };
  const spoiled = await buildImportXlsx({ ...fixture, badRows: [4, 17] });
  const fixed = await buildImportXlsx(fixture);

  await page.goto("/impostazioni");
  await page.getByRole("link", { name: /Importa dati/ }).click();
  await expect(page.getByRole("heading", { name: "Importa pazienti e fatture" })).toBeVisible();
  const input = page.getByLabel("File CSV o XLSX");
  await input.setInputFiles({ name: "fatture.xlsx", mimeType: XLSX, buffer: spoiled });

  // The columns are recognised from the headers; the preview lists the two bad rows and import stays off.
  await expect(page.getByLabel("Il file contiene")).toHaveValue("invoices");
  await expect(page.getByLabel("Codice fiscale *")).toHaveValue("4");
  await expect(page.getByRole("heading", { name: /2 righe hanno errori/ })).toBeVisible();
  const errors = page.getByTestId("import-errors").locator("tbody tr");
  await expect(errors).toHaveCount(2);
  await expect(errors.nth(0)).toContainText("5");
  await expect(errors.nth(0)).toContainText("Codice fiscale:");
  await expect(errors.nth(1)).toContainText("Data: Questa data non esiste");
  await expect(page.getByRole("button", { name: "Importa" })).toBeDisabled();

  // Changing a column asks for a new preview before anything can be imported.
  await page.getByLabel("Totale (per controllo)").selectOption("");
  await expect(page.getByRole("button", { name: "Importa" })).toBeDisabled();
  await page.getByRole("button", { name: "Aggiorna l'anteprima" }).click();
  await expect(page.getByRole("heading", { name: /2 righe hanno errori/ })).toBeVisible();

  await input.setInputFiles({ name: "fatture.xlsx", mimeType: XLSX, buffer: fixed });
  await expect(page.getByTestId("import-summary")).toContainText("30 fatture da importare");
  await expect(page.getByTestId("import-summary")).toContainText("6 pazienti nuovi");
  await expect(page.getByTestId("import-errors")).toHaveCount(0);
  await screenshot(page, "import-preview");
  await page.getByRole("button", { name: "Importa" }).click();
  const done = page.getByTestId("import-done");
  await expect(done).toContainText("Importate 30 fatture e 6 pazienti");
  await expect(done).toContainText("Data minima suggerita per l'invio automatico");

  await page.goto("/fatture?q=30%2F2026");
  await expect(page.getByText("30/2026").first()).toBeVisible();
});
