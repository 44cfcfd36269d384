import { expect, test } from "@playwright/test";
import { registerAndLogin } from "./helpers";
import { seedInvoice, seedPatient, seedProfile } from "./seed";
import { setUpSts } from "./sts-helpers";

test("the invoice's STS section never says 'to send' beside 'not sendable'", async ({ page }) => {
  const email = await registerAndLogin(page, "Dott. Coerente Stato");
  await seedProfile(email);
  const paid = { issueDate: "2026-04-07", paymentDate: "2026-04-07", paymentMethod: "carta" };

  // A foreign patient: never sent, so nothing is listed as pending.
  const foreign = await seedPatient(email, { firstName: "John", lastName: "Smith", foreign: true, codiceFiscale: "" });
  const foreignInvoice = await seedInvoice(email, { patientId: foreign.id, ...paid });
  await page.goto(`/fatture/${foreignInvoice.id}`);
  const section = page.getByRole("region", { name: "Sistema Tessera Sanitaria" });
  await expect(page.getByTestId("sts-status")).toContainText("non va inviato");
  await expect(page.getByTestId("sts-pending")).toHaveCount(0);
  await expect(section).not.toContainText(/da inviare/i);

  // No STS credentials yet: the document waits for them, and the page says what will go once they are there.
  const patient = await seedPatient(email, { firstName: "Elena", lastName: "Riva" });
  const waiting = await seedInvoice(email, { patientId: patient.id, ...paid });
  await page.goto(`/fatture/${waiting.id}`);
  await expect(page.getByTestId("sts-status")).toContainText("Configura le credenziali STS");
  await expect(page.getByTestId("sts-pending")).toHaveText(/^Appena risolto, partirà: Inserimento del documento/);
  await expect(section).not.toContainText(/da inviare/i);
});

test("opposition is explained as it works, and duplicating says it makes a draft", async ({ page }) => {
  const email = await registerAndLogin(page, "Dott.ssa Parole Chiare");
  await seedProfile(email);
  await page.goto("/pazienti/nuovo");
  await page.getByLabel("Si oppone all'invio al Sistema TS").check();
  // The document still goes to STS, flagged and without the CF: the form must not promise the opposite.
  await expect(page.getByText(/vengono comunque trasmesse, ma senza il suo codice fiscale/)).toBeVisible();
  await expect(page.getByText(/non saranno trasmesse/)).toHaveCount(0);

  const patient = await seedPatient(email, { firstName: "Nadia", lastName: "Sala" });
  const invoice = await seedInvoice(email, { patientId: patient.id, issueDate: "2026-04-08" });
  await page.goto(`/fatture/${invoice.id}`);
  await page.getByRole("button", { name: "Duplica come bozza" }).click();
  await expect(page.getByRole("heading", { name: "Modifica bozza" })).toBeVisible();
});

test("invoices dated before the automatic minimum date: the list says the hourly run skips them", async ({ page }) => {
  const email = await registerAndLogin(page, "Dott. Data Minima");
  await setUpSts(page, email);
  await page.getByLabel("Invia automaticamente le fatture al Sistema TS").check();
  await page.getByLabel("Data minima fattura per invio automatico").fill("2026-06-01");
  await page.getByRole("button", { name: "Salva le impostazioni" }).click();
  await expect(page.getByText(/Impostazioni salvate/)).toBeVisible();

  const patient = await seedPatient(email, { firstName: "Ugo", lastName: "Neri" });
  const paid = { paymentDate: "2026-05-20", paymentMethod: "carta" };
  await seedInvoice(email, { patientId: patient.id, issueDate: "2026-05-20", ...paid });
  await seedInvoice(email, { patientId: patient.id, issueDate: "2026-06-02", ...paid, paymentDate: "2026-06-02" });
  await page.goto("/fatture");
  await expect(page.getByTestId("skipped-by-minimum-date")).toHaveText(
    /^1 fattura da inviare ha una data precedente al 01\/06\/2026, la data minima dell'invio automatico/,
  );
});
