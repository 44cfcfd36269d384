import { expect, test } from "@playwright/test";
import { buildCodiceFiscale } from "../../prisma/seed/factories/codice-fiscale";
import { registerAndLogin } from "./helpers";
import { seedInvoices, seedPatient } from "./seed";
import { KIT, seedSts, simulatorConfig, stsCell } from "./sts-helpers";
import { screenshot } from "./screenshots";

const uniqueCf = () =>
  buildCodiceFiscale({ sequence: 6_000_000 + Math.floor(Math.random() * 3_000_000), birthDate: "1979-04-12" });

test("manual send: yellow dot → Invia ora → green, protocollo in the send log; credentials never in the page", async ({
  page,
}) => {
  const email = await registerAndLogin(page, "Dott.ssa Invio Manuale");
  await seedSts(email);
  const patient = await seedPatient(email, { firstName: "Marta", lastName: "Pini", codiceFiscale: uniqueCf() });

  await page.goto(`/fatture/nuova?paziente=${patient.id}`);
  await page.getByLabel("Data fattura").fill("2026-11-20");
  await page.getByLabel("Data pagamento").fill("2026-11-20");
  await page.getByLabel("Metodo di pagamento").selectOption("carta");
  await page.locator("#line-0-unitPrice").fill("70,00");
  await page.getByRole("button", { name: "Emetti fattura" }).click();
  await expect(page.getByRole("heading", { name: "Fattura n. 1/2026" })).toBeVisible();
  await expect(page.getByTestId("sts-status")).toContainText("Da inviare");

  await page.goto("/fatture");
  const cell = stsCell(page, "1/2026");
  await expect(cell.locator("[data-sts-state]")).toHaveAttribute("data-sts-state", "to_send");
  await screenshot(page, "sts-yellow");
  await cell.getByRole("button", { name: /Azioni STS/ }).click();
  await cell.getByRole("button", { name: "Invia ora", exact: true }).click();
  await expect(cell.locator("[data-sts-state]")).toHaveAttribute("data-sts-state", "accepted");
  await expect(cell).toContainText("Inviato – accettato");
  await screenshot(page, "sts-green");

  await page.goto("/invii");
  await expect(page.getByRole("cell", { name: /^99\d{15}$/ })).toBeVisible();
  // A single "Invia ora" has no PDF receipt: its page says why, and that the protocollo stands for it.
  await page
    .getByTestId("submission-row")
    .getByRole("link", { name: /Dettaglio/ })
    .click();
  await expect(page.getByTestId("sync-no-receipt")).toContainText("non rilascia una ricevuta PDF");
  await expect(page.getByRole("link", { name: "Scarica la ricevuta (PDF)" })).toHaveCount(0);
  for (const path of ["/invii", "/fatture", "/impostazioni/sts"]) {
    await page.goto(path);
    const html = await page.content();
    expect(html).not.toContain(KIT.password);
    expect(html).not.toContain(KIT.pin);
  }
});

test("a CF the simulator rejects: red dot, explanation, link to the patient, fix, re-send, green", async ({ page }) => {
  const email = await registerAndLogin(page, "Dott. Scarto Codice");
  await seedSts(email);
  const badCf = uniqueCf();
  await simulatorConfig({ rejectedCfs: [badCf] });
  const patient = await seedPatient(email, { firstName: "Piero", lastName: "Villa", codiceFiscale: badCf });
  await seedInvoices(email, {
    count: 1,
    patientId: patient.id,
    issueDate: "2026-11-02",
    paymentDate: "2026-11-02",
    paymentMethod: "pos",
  });

  await page.goto("/fatture");
  const cell = stsCell(page, "1/2026");
  await cell.getByRole("button", { name: /Azioni STS/ }).click();
  await cell.getByRole("button", { name: "Invia ora", exact: true }).click();
  await expect(cell).toContainText("Scartato dal Sistema TS");
  await expect(cell.locator("[data-sts-state]")).toHaveAttribute("data-sts-state", "rejected");

  await page.goto("/invii");
  await page
    .getByRole("link", { name: /dettagli|Dettaglio|Apri/i })
    .first()
    .click()
    .catch(async () => {
      await page.locator("a[href^='/invii/']").first().click();
    });
  await expect(page.getByText("S011").first()).toBeVisible();
  await screenshot(page, "sts-rejected-detail");
  await page.locator(`a[href="/pazienti/${patient.id}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/pazienti/${patient.id}$`));
  // The seeded card was saved with a code whose letters are not Piero Villa's: it stays confirmed, with the warning
  // beside the field. A new code of another person is refused until the practitioner confirms it, beside the field.
  const confirm = page.getByLabel("Il codice fiscale è giusto anche se non corrisponde a nome e cognome");
  await expect(confirm).toBeChecked();
  await confirm.uncheck();
  await page.getByRole("textbox", { name: "Codice fiscale" }).fill(uniqueCf());
  await page.getByRole("button", { name: "Salva le modifiche" }).click();
  await expect(page.locator("#codiceFiscale-error")).toContainText(
    "Il codice fiscale non corrisponde a nome e cognome: dal nome risulta VLL PRI",
  );
  await expect(page.getByText("Modifiche salvate.")).toHaveCount(0);
  await confirm.check();
  await page.getByRole("button", { name: "Salva le modifiche" }).click();
  await expect(page.getByText("Modifiche salvate.")).toBeVisible();

  await page.goto("/fatture");
  await expect(cell.locator("[data-sts-state]")).toHaveAttribute("data-sts-state", "to_send");
  await cell.getByRole("button", { name: /Azioni STS/ }).click();
  await cell.getByRole("button", { name: "Invia ora", exact: true }).click();
  await expect(cell.locator("[data-sts-state]")).toHaveAttribute("data-sts-state", "accepted");

  // Now that STS holds the invoice, a new code is announced before saving: it will go as a variazione.
  await page.goto(`/pazienti/${patient.id}`);
  await expect(page.getByTestId("cf-change-notice")).toHaveCount(0);
  await page.getByRole("textbox", { name: "Codice fiscale" }).fill(uniqueCf());
  await expect(page.getByTestId("cf-change-notice")).toHaveText(
    "La fattura di questo paziente già trasmessa al Sistema TS verrà corretta con il nuovo codice fiscale: al prossimo invio parte una variazione.",
  );
  await screenshot(page, "patient-cf-change");
});

test("30 selected invoices → Invia selezionate → 2 submissions (25 + 5), each with its receipt once processed", async ({
  page,
}) => {
  const email = await registerAndLogin(page, "Dott.ssa Lotti Trenta");
  await seedSts(email);
  const patient = await seedPatient(email, { firstName: "Aldo", lastName: "Neri", codiceFiscale: uniqueCf() });
  await seedInvoices(email, {
    count: 30,
    patientId: patient.id,
    issueDate: "2026-10-05",
    paymentDate: "2026-10-05",
    paymentMethod: "bonifico",
  });

  await page.goto("/fatture?size=50");
  await expect(page.getByTestId("invoice-row")).toHaveCount(30);
  await page.getByRole("checkbox", { name: "Seleziona tutte le fatture della pagina" }).check();
  await page.getByRole("button", { name: "Invia selezionate al Sistema TS" }).click();
  await expect(page.getByText("30 documenti inviati in 2 lotti")).toBeVisible({ timeout: 30_000 });

  await page.goto("/invii");
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  // The worker polls the outcomes; the simulator processes each file in a few seconds.
  await expect(page.getByRole("link", { name: "Ricevuta PDF" })).toHaveCount(2, { timeout: 90_000 });
  await screenshot(page, "sts-send-log");
  const text = await rows.allInnerTexts();
  expect(text.join(" ")).toMatch(/25/);
  expect(text.join(" ")).toMatch(/\b5\b/);
  const receipt = await page.request.get(
    (await page.getByRole("link", { name: "Ricevuta PDF" }).first().getAttribute("href"))!,
  );
  expect((await receipt.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await page.goto("/fatture?size=50&sts=accepted");
  await expect(page.getByTestId("invoice-row")).toHaveCount(30);
});
