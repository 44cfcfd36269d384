import { expect, test } from "@playwright/test";
import { registerAndLogin } from "./helpers";
import { seedInvoice, seedPatient, seedProfile } from "./seed";

// Several pages, STS set-up and both widths in one story: a guard against hangs on a busy machine, not a speed check.
test.describe.configure({ timeout: 300_000 });

test("the invoice's STS section never says 'to send' beside 'not sendable'", async ({ page }) => {
  const email = await registerAndLogin(page, "Dott. Coerente Stato");
  seedProfile(email);
  const paid = { issueDate: "2026-04-07", paymentDate: "2026-04-07", paymentMethod: "carta" };

  // A foreign patient: never sent, so nothing is listed as pending.
  const foreign = seedPatient(email, { firstName: "John", lastName: "Smith", foreign: true, codiceFiscale: null });
  const foreignInvoice = seedInvoice(email, { patientId: foreign.id, ...paid });
  await page.goto(`/fatture/${foreignInvoice.id}`);
  const section = page.getByRole("region", { name: "Sistema Tessera Sanitaria" });
  await expect(page.getByTestId("sts-status")).toContainText("non va inviato");
  await expect(page.getByTestId("sts-pending")).toHaveCount(0);
  await expect(section).not.toContainText(/da inviare/i);

  // No STS credentials yet: the document waits for them, and the page says what will go once they are there.
  const patient = seedPatient(email, { firstName: "Elena", lastName: "Riva" });
  const waiting = seedInvoice(email, { patientId: patient.id, ...paid });
  await page.goto(`/fatture/${waiting.id}`);
  await expect(page.getByTestId("sts-status")).toContainText("Configura le credenziali STS");
  await expect(page.getByTestId("sts-pending")).toHaveText(/^Appena risolto, partirà: Inserimento del documento/);
  await expect(section).not.toContainText(/da inviare/i);
});
