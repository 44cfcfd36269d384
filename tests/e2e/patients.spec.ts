import { expect, test, type Page } from "@playwright/test";
import { codiceFiscaleCheckCharacter } from "../../lib/domain/codice-fiscale";
import { registerAndLogin } from "./helpers";
import { screenshot } from "./screenshots";

const withCheck = (first15: string) => first15 + codiceFiscaleCheckCharacter(first15);
// Mario Rossi, born in Rome on 1 January 1980; a per-run variant of the surname letters keeps runs independent.
const MARIO = withCheck("RSSMRA80A01H501");
const WRONG_CHECK = MARIO.slice(0, 15) + (MARIO[15] === "A" ? "B" : "A");

async function fillProfile(page: Page) {
  await page.goto("/impostazioni");
  await expect(page.getByText("Completa il profilo per emettere fatture")).toBeVisible();
  await page.getByRole("link", { name: /Profilo/ }).click();
  await expect(page.getByRole("heading", { name: "Profilo" })).toBeVisible();
  await page.getByLabel("Nome in fattura").fill("Dott.ssa Maria Motta");
  await page.getByLabel("Codice fiscale").fill("MTOMRA66A41G224M");
  await page.getByLabel("Partita IVA").fill("65498732105");
  await page.getByLabel("Indirizzo").fill("Via Garibaldi 12");
  await page.getByLabel("CAP").fill("20121");
  await page.getByLabel("Comune").fill("Milano");
  await page.getByLabel("Provincia").fill("mi");
  await page.getByLabel("Forfettario").check();
  await page.getByLabel("Aliquota contributo (%)").fill("11");
  await page.getByRole("button", { name: "Salva il profilo" }).click();
  await expect(page.locator("#pensionFundRate-error")).toHaveText("La percentuale non può superare il 10%.");
  await page.getByLabel("Aliquota contributo (%)").fill("2,5");
  await page.getByRole("button", { name: "Salva il profilo" }).click();
  await expect(page.getByText("Profilo salvato.")).toBeVisible();
  await expect(page.getByText("Completa il profilo per emettere fatture")).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel("Aliquota contributo (%)")).toHaveValue("2,5");
  await screenshot(page, "profile");
  await expect(page.getByLabel("Forfettario")).toBeChecked();
}

test("profile and patients: create the three kinds, validate, search, archive, isolate", async ({ page, browser }) => {
  await registerAndLogin(page, "Dott.ssa Maria Motta");
  await fillProfile(page);

  // A person with a wrong check character: Italian error beside the field, nothing saved.
  await page.goto("/pazienti/nuovo");
  await page.getByLabel("Nome", { exact: true }).fill("Mario");
  await page.getByLabel("Cognome").fill("Rossi");
  await page.getByRole("textbox", { name: "Codice fiscale" }).fill(WRONG_CHECK);
  await page.getByLabel("CAP").fill("123");
  await page.getByRole("button", { name: "Crea il paziente" }).click();
  await expect(page.locator("#codiceFiscale-error")).toHaveText("Il carattere di controllo non è corretto.");
  await expect(page.getByRole("textbox", { name: "Codice fiscale" })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("textbox", { name: "Codice fiscale" })).toBeFocused();
  await screenshot(page, "patient-errors");
  await page.goto("/pazienti");
  await expect(page.getByText("Non hai ancora registrato pazienti.")).toBeVisible();

  // The valid code: the hint shows what it encodes as it is typed.
  await page.goto("/pazienti/nuovo");
  await page.getByLabel("Nome", { exact: true }).fill("Mario");
  await page.getByLabel("Cognome").fill("Rossi");
  await page.getByRole("textbox", { name: "Codice fiscale" }).fill(MARIO.toLowerCase());
  await expect(page.getByTestId("cf-hint")).toHaveText("Nato il 01/01/1980 · sesso M");
  await page.getByLabel("Si oppone all'invio al Sistema TS").check();
  await expect(page.getByLabel("Data dell'opposizione")).not.toHaveValue("");
  await page.getByRole("button", { name: "Crea il paziente" }).click();
  await expect(page.getByRole("heading", { name: "Rossi Mario" })).toBeVisible();
  await expect(page.getByText(MARIO)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Fatture" })).toBeVisible();
  const marioUrl = page.url();
  await screenshot(page, "patient-card");

  // The same code again: the server refuses it beside the field.
  await page.goto("/pazienti/nuovo");
  await page.getByLabel("Nome", { exact: true }).fill("Mario");
  await page.getByLabel("Cognome").fill("Rossi");
  await page.getByRole("textbox", { name: "Codice fiscale" }).fill(MARIO);
  await page.getByRole("button", { name: "Crea il paziente" }).click();
  await expect(page.locator("#codiceFiscale-error")).toContainText("Hai già un paziente con questo codice fiscale");

  // A foreign patient without codice fiscale.
  await page.goto("/pazienti/nuovo");
  await page.getByLabel("Nome", { exact: true }).fill("John");
  await page.getByLabel("Cognome").fill("Smith");
  await page.getByLabel("Paziente straniero senza codice fiscale italiano").check();
  await expect(page.getByText("Le fatture di questo paziente non saranno inviate al Sistema TS.")).toBeVisible();
  await page.getByRole("button", { name: "Crea il paziente" }).click();
  await expect(page.getByRole("heading", { name: "Smith John" })).toBeVisible();

  // A company.
  await page.goto("/pazienti/nuovo");
  await page.getByLabel("Azienda o cliente con partita IVA").check();
  await page.getByLabel("Ragione sociale").fill("Alfa Servizi srl");
  await page.getByLabel("Partita IVA", { exact: true }).fill("12345678903");
  await page.getByRole("button", { name: "Crea il paziente" }).click();
  await expect(page.getByRole("heading", { name: "Alfa Servizi srl" })).toBeVisible();

  // Search, case-insensitive, by name and by codice fiscale.
  await page.goto("/pazienti");
  await page.getByLabel("Cerca per nome o codice fiscale").fill("ROSSI");
  await page.getByRole("button", { name: "Cerca" }).click();
  await expect(page).toHaveURL(/q=ROSSI/);
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Rossi Mario");
  await page.goto(`/pazienti?q=${MARIO.slice(0, 11).toLowerCase()}`);
  await expect(rows).toHaveCount(1);

  // Archive: gone from the default list, present among the archived.
  await page.goto(marioUrl);
  await page.getByRole("button", { name: "Archivia il paziente" }).click();
  await expect(page.getByRole("button", { name: "Ripristina il paziente" })).toBeVisible();
  await page.goto("/pazienti");
  await expect(rows).toHaveCount(2);
  await screenshot(page, "patients-list");
  await expect(page.getByRole("link", { name: "Rossi Mario" })).toHaveCount(0);
  await page.getByRole("link", { name: "Archiviati" }).click();
  await expect(page.getByRole("link", { name: "Rossi Mario" })).toBeVisible();

  // Another practitioner cannot open the first one's patient.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await registerAndLogin(otherPage, "Dott. Paolo Neri");
  const response = await otherPage.goto(marioUrl);
  expect(response?.status()).toBe(404);
  await expect(otherPage.getByRole("heading", { name: "Paziente non trovato" })).toBeVisible();
  await expect(otherPage.getByText("Rossi")).toHaveCount(0);
  await other.close();
});

test("a codice fiscale of another name is flagged beside the field and saved only once confirmed", async ({ page }) => {
  await registerAndLogin(page, "Dott. Controllo Nomi");
  await page.goto("/pazienti/nuovo");
  await page.getByLabel("Nome", { exact: true }).fill("Giulia");
  await page.getByLabel("Cognome").fill("Verdi");
  // Mario Rossi's code typed on Giulia Verdi's card: the warning appears as it is typed, with what the names give.
  await page.getByRole("textbox", { name: "Codice fiscale" }).fill(MARIO);
  const confirm = page.getByLabel("Il codice fiscale è giusto anche se non corrisponde a nome e cognome");
  await expect(confirm).not.toBeChecked();
  await expect(page.getByText("dal nome risulta VRD GLI, nel codice c'è RSS MRA")).toBeVisible();
  await page.getByRole("button", { name: "Crea il paziente" }).click();
  await expect(page.locator("#codiceFiscale-error")).toContainText("spunta la conferma qui sotto");
  await expect(page).toHaveURL(/\/pazienti\/nuovo$/);
  await screenshot(page, "patient-cf-mismatch");
  // By keyboard: Tab from the code reaches the confirmation; Space ticks it.
  await page.getByRole("textbox", { name: "Codice fiscale" }).focus();
  await page.keyboard.press("Tab");
  await expect(confirm).toBeFocused();
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: "Crea il paziente" }).click();
  await expect(page.getByRole("heading", { name: "Verdi Giulia" })).toBeVisible();
});
