import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { extractText } from "unpdf";
import { registerAndLogin } from "./helpers";
import { seedPatient, seedProfile } from "./seed";
import { screenshot } from "./screenshots";

// Lucia Ferri, born in Rome on 1 January 1980: letters that match her names, so no confirmation is asked.
const LUCIA_FERRI = "FRRLCU80A41H501O";

async function createPatientThroughUi(page: Page) {
  await page.goto("/pazienti/nuovo");
  await page.getByLabel("Nome", { exact: true }).fill("Lucia");
  await page.getByLabel("Cognome").fill("Ferri");
  await page.getByRole("textbox", { name: "Codice fiscale" }).fill(LUCIA_FERRI);
  await page.getByRole("button", { name: "Crea il paziente" }).click();
  await expect(page).toHaveURL(/\/pazienti\/(?!nuovo)[a-z0-9]{20,}$/);
  return page.url().split("/").pop()!;
}

async function newInvoice(page: Page, patientId: string, price: string) {
  await page.goto(`/fatture/nuova?paziente=${patientId}`);
  await expect(page.getByTestId("picked-patient")).toContainText("Ferri Lucia");
  await page.getByLabel("Data fattura").fill("2026-11-20");
  await page.locator("#line-0-unitPrice").fill(price);
}

test("invoices: two invoices with ENPAP and bollo, card payment, PDF, credit note, CSV", async ({ page }) => {
  const email = await registerAndLogin(page, "Dott.ssa Elena Conti");
  // A profile made before the profession was asked: the PDF prints it by the practitioner's sex, with the Albo.
  await seedProfile(email, {
    profession: "Psicologo/a",
    alboRegistration: "Albo degli Psicologi della Lombardia n. 12345",
  });
  const patientId = await createPatientThroughUi(page);

  // 70,00 + ENPAP 2% = 71,40, no bollo.
  await newInvoice(page, patientId, "70,00");
  await expect(page.getByTestId("totals")).toContainText("71,40");
  await expect(page.getByTestId("totals")).not.toContainText("bollo");
  await page.getByRole("button", { name: "Emetti fattura" }).click();
  await expect(page.getByRole("heading", { name: "Fattura n. 1/2026" })).toBeVisible();

  // 80,00 → 81,60 + bollo 2,00 = 83,60.
  await newInvoice(page, patientId, "80,00");
  await expect(page.getByTestId("totals")).toContainText("Imposta di bollo");
  await expect(page.getByTestId("totals")).toContainText("83,60");
  await page.getByRole("button", { name: "Emetti fattura" }).click();
  await expect(page.getByRole("heading", { name: "Fattura n. 2/2026" })).toBeVisible();
  await screenshot(page, "invoice-detail");

  // Card payment.
  await page.getByRole("button", { name: "Registra pagamento" }).click();
  await page.getByLabel("Data del pagamento").fill("2026-11-21");
  await page.getByLabel("Metodo").selectOption("carta");
  await page.getByRole("button", { name: "Salva pagamento" }).click();
  await expect(page.getByText("21/11/2026 · Carta")).toBeVisible();

  // The PDF carries the key fields.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Scarica PDF" }).click();
  const pdfPath = await (await download).path();
  const { text } = await extractText(new Uint8Array(readFileSync(pdfPath)), { mergePages: true });
  for (const expected of [
    "2/2026",
    "20/11/2026",
    "Lucia Ferri",
    LUCIA_FERRI,
    "ENPAP 2% 1,60",
    "Imposta di bollo 2,00",
    "83,60",
    "Dott.ssa Maria Motta",
    "Psicologa",
    "Albo degli Psicologi della Lombardia n. 12345",
    "65498732105",
  ]) {
    expect(text).toContain(expected);
  }
  expect(text).not.toContain("Psicologo/a");
  expect(text).toMatch(/bollo/i);
  expect(text).toMatch(/art\. ?10/);

  // Credit note: partial, own series.
  await page.getByRole("link", { name: "Emetti nota di credito" }).click();
  await page.getByLabel("Storno parziale").check();
  await page.getByLabel("Data della nota di credito").fill("2026-11-22");
  await page.getByLabel("Importo (€)").fill("100");
  await page.getByRole("button", { name: "Emetti nota di credito" }).click();
  await expect(page.locator("#amount-error")).toContainText("supera quello ancora stornabile");
  await page.getByLabel("Importo (€)").fill("20,00");
  await page.getByRole("button", { name: "Emetti nota di credito" }).click();
  await expect(page.getByRole("heading", { name: "Nota di credito NC 1/2026" })).toBeVisible();

  // The list and its CSV export.
  await page.goto("/fatture");
  await expect(page.getByTestId("invoice-row")).toHaveCount(3);
  await screenshot(page, "invoice-list");
  const csvDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Esporta CSV" }).first().click();
  const csv = readFileSync(await (await csvDownload).path(), "utf8");
  expect(csv).toContain("Numero;Tipo;Data;Paziente");
  expect(csv).toContain(
    `2/2026;Fattura;20/11/2026;Ferri Lucia;${LUCIA_FERRI};80,00;1,60;2,00;83,60;Pagata;21/11/2026;Carta`,
  );
  expect(csv).toContain("NC 1/2026;Nota di credito;22/11/2026");
});

test("invoice form: bad input shows Italian errors beside the fields and saves nothing", async ({ page }) => {
  const email = await registerAndLogin(page, "Dott. Fabio Serra");
  await seedProfile(email);
  const patient = await seedPatient(email, { firstName: "Anna", lastName: '<b>Neri</b> & "Co"' });
  await page.goto(`/fatture/nuova?paziente=${patient.id}`);
  await page.locator("#line-0-description").fill("x".repeat(10_000));
  await page.locator("#line-0-quantity").fill("100000");
  await page.locator("#line-0-unitPrice").fill("-5");
  await page.getByRole("button", { name: "Emetti fattura" }).click();
  await expect(page.locator("#line-0-description-error")).toContainText("troppo lunga");
  await expect(page.locator("#line-0-quantity-error")).toHaveText("La quantità massima è 999.");
  await expect(page.locator("#line-0-unitPrice-error")).toBeVisible();
  await screenshot(page, "invoice-errors");
  await page.goto("/fatture");
  await expect(page.getByText("Non hai ancora emesso fatture.")).toBeVisible();

  // HTML in names is shown as text, never interpreted.
  await page.goto(`/fatture/nuova?paziente=${patient.id}`);
  await expect(page.getByTestId("picked-patient")).toContainText('<b>Neri</b> & "Co"');
});

test("isolation: another practitioner's invoice, PDF and export answer not found", async ({ page, browser }) => {
  const email = await registerAndLogin(page, "Dott.ssa Prima Isola");
  await seedProfile(email);
  const patientId = await createPatientThroughUi(page);
  await newInvoice(page, patientId, "70,00");
  await page.getByRole("button", { name: "Emetti fattura" }).click();
  await expect(page.getByRole("heading", { name: "Fattura n. 1/2026" })).toBeVisible();
  const invoiceUrl = new URL(page.url()).pathname;

  const other = await browser.newContext();
  const intruder = await other.newPage();
  await registerAndLogin(intruder, "Dott. Secondo Isola");
  const detail = await intruder.goto(invoiceUrl);
  expect(detail!.status()).toBe(404);
  const pdf = await intruder.request.get(`${invoiceUrl}/pdf`);
  expect(pdf.status()).toBe(404);
  const edit = await intruder.goto(`${invoiceUrl}/modifica`);
  expect(edit!.status()).toBe(404);
  const csv = await intruder.request.get("/fatture/esporta");
  expect(await csv.text()).not.toContain("Ferri");
  const patient = await intruder.goto(`/pazienti/${patientId}`);
  expect(patient!.status()).toBe(404);
  await other.close();
});
