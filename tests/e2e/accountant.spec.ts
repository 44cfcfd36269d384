// Accountant access (issue 21): the practitioner invites, the accountant accepts with their own account, reads the
// invoices, downloads a PDF, the CSV and a receipt; every write and every STS page is refused; one accountant
// switches between two practices; a revocation refuses the next request.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { acceptInvitationLink, createInvitationLink } from "./accountant-helpers";
import { registerAndLogin } from "./helpers";
import { seedStsLog, seedInvoice, seedPatient, seedProfile } from "./seed";

const READ_ONLY = "Con l'accesso da commercialista puoi solo consultare";

async function seedPractice(email: string, lastName: string) {
  await seedProfile(email);
  const patient = await seedPatient(email, { firstName: "Ines", lastName });
  const paid = { patientId: patient.id, paymentDate: "2026-03-10", paymentMethod: "carta", issueDate: "2026-03-10" };
  const first = await seedInvoice(email, paid);
  const second = await seedInvoice(email, paid);
  const { submissionId } = await seedStsLog(email, {
    invoiceIds: [first.id, second.id],
    protocollo: `26${Date.now().toString().slice(-8)}`,
  });
  return { invoiceId: first.id, submissionId };
}

test("an accountant reads a practice, cannot change it, switches practice and loses access when revoked", async ({
  browser,
}) => {
  const suffix = Date.now().toString(36);
  const owner = await browser.newContext();
  const other = await browser.newContext();
  const accountant = await browser.newContext();
  const ownerPage = await owner.newPage();
  const ownerName = "Dott.ssa Alba Titolare";
  const ownerEmail = await registerAndLogin(ownerPage, ownerName);
  const practice = await seedPractice(ownerEmail, `Contabile${suffix}`);
  const link = await createInvitationLink(ownerPage);

  const page = await accountant.newPage();
  await registerAndLogin(page, "Rag. Carlo Commercialista");
  // A page of the account's own practice, left open: it will try a write once the session looks at Alba's.
  const stale = await accountant.newPage();
  await stale.goto("/impostazioni/commercialista");

  await acceptInvitationLink(page, link, ownerName);
  await expect(page.getByTestId("practitioner-name")).toHaveText(ownerName);
  const row = page.getByTestId("invoice-row").filter({ hasText: `Contabile${suffix}` });
  await expect(row).toHaveCount(2);
  await expect(page.getByRole("link", { name: "Nuova fattura" })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Navigazione principale" }).getByRole("link")).toHaveText([
    "Fatture",
    "Invii STS",
    "Cifre dell'anno",
    "Cambia studio",
  ]);

  // The detail: no action, no link to the patient's record; the PDF downloads.
  await page.goto(`/fatture/${practice.invoiceId}`);
  await expect(page.getByRole("link", { name: "Modifica" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /pagamento|Duplica|Annulla|Invia/ })).toHaveCount(0);
  await expect(page.locator(`a[href^="/pazienti/"]`)).toHaveCount(0);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Scarica PDF" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  expect((await readFile(await download.path())).subarray(0, 5).toString()).toBe("%PDF-");
  const csv = await page.request.get("/fatture/esporta");
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(`Contabile${suffix}`);
  const receipt = await page.request.get(`/invii/${practice.submissionId}/ricevuta`);
  expect([receipt.status(), receipt.headers()["content-type"]]).toEqual([200, "application/pdf"]);
  await page.goto(`/invii/${practice.submissionId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Invio del");
  // The year's figures, without the practitioner's settings of what counts.
  await page
    .getByRole("navigation", { name: "Navigazione principale" })
    .getByRole("link", { name: "Cifre dell'anno" })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Cifre del");
  await expect(page.getByTestId("figures-summary")).toBeVisible();
  await expect(page.getByText("Cosa conta e quali limiti")).toHaveCount(0);
  const figuresCsv = await page.request.get(`/cifre/esporta?anno=${new Date().getFullYear()}&formato=csv`);
  expect(figuresCsv.status()).toBe(200);

  // Refused: the STS settings and every other page, the STS file, and a write from the page left open.
  for (const path of ["/impostazioni/sts", "/fatture/nuova", "/pazienti", "/invii/verifica", "/", "/impostazioni"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/commercialista$/);
  }
  const stsFile = await page.request.get(`/fatture/file-sts?ids=${practice.invoiceId}&format=xml`);
  expect(stsFile.status()).toBe(403);
  await stale.getByRole("button", { name: "Crea link di invito" }).click();
  await expect(stale.getByRole("alert").filter({ hasText: READ_ONLY })).toBeVisible();

  // A second practice invites the same accountant, who switches between the two.
  const otherPage = await other.newPage();
  const otherName = "Dott. Bruno Secondo";
  const otherEmail = await registerAndLogin(otherPage, otherName);
  await seedPractice(otherEmail, `Seconda${suffix}`);
  await acceptInvitationLink(page, await createInvitationLink(otherPage), otherName);
  await expect(page.getByTestId("invoice-row").filter({ hasText: `Seconda${suffix}` })).toHaveCount(2);
  await expect(page.getByTestId("invoice-row").filter({ hasText: `Contabile${suffix}` })).toHaveCount(0);
  await page.getByRole("link", { name: "Cambia studio" }).click();
  await page.getByRole("button", { name: `Apri ${ownerName}` }).click();
  await expect(page).toHaveURL(/\/fatture$/);
  await expect(page.getByTestId("invoice-row").filter({ hasText: `Contabile${suffix}` })).toHaveCount(2);

  // Alba revokes: the accountant's next request is refused.
  await ownerPage.goto("/impostazioni/commercialista");
  await ownerPage.getByRole("button", { name: /^Revoca: Rag\. Carlo Commercialista/ }).click();
  await expect(ownerPage.getByText("Nessun commercialista ha accesso")).toBeVisible();
  await page.reload();
  await expect(page).toHaveURL(/\/commercialista$/);
  await expect(page.getByTestId("access-revoked")).toBeVisible();
  await expect(page.getByText(`Contabile${suffix}`)).toHaveCount(0);
  expect((await page.request.get(`/fatture/${practice.invoiceId}/pdf`)).status()).toBe(403);
  expect((await page.request.get("/fatture/esporta")).status()).toBe(403);
  // Bruno's access is untouched.
  await page.getByRole("button", { name: `Apri ${otherName}` }).click();
  await expect(page.getByTestId("invoice-row").filter({ hasText: `Seconda${suffix}` })).toHaveCount(2);

  await Promise.all([owner.close(), other.close(), accountant.close()]);
});
