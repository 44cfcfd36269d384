import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { logout, registerAndLogin } from "./helpers";
import { seedStsLog, seedInvoice, seedPatient, seedProfile } from "./seed";
import { screenshot } from "./screenshots";

function seedSubmission(email: string, options: { invoiceIds: [string, string]; protocollo: string }) {
  return seedStsLog(email, options);
}

test("send log: list, detail with explained codes and fixes, receipt, and isolation", async ({ page }) => {
  const email = await registerAndLogin(page, "Dott.ssa Anna Neri");

  // Empty state first.
  await page.goto("/invii");
  await expect(page.getByText("Controlla qui l'esito di ogni invio")).toBeVisible();
  await expect(page.getByText("Nessun invio al Sistema Tessera Sanitaria finora.")).toBeVisible();

  await seedProfile(email);
  const patient = await seedPatient(email, { firstName: "Lucia", lastName: "Ferri" });
  const first = await seedInvoice(email, {
    patientId: patient.id,
    issueDate: "2026-03-10",
    paymentDate: "2026-03-10",
    paymentMethod: "carta",
  });
  const second = await seedInvoice(email, {
    patientId: patient.id,
    issueDate: "2026-03-11",
    paymentDate: "2026-03-11",
    paymentMethod: "carta",
  });
  const protocollo = `26${Date.now().toString().slice(-8)}`;
  const { submissionId } = await seedSubmission(email, { invoiceIds: [first.id, second.id], protocollo });

  // The list.
  await page.goto("/invii");
  const row = page.getByTestId("submission-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("10/03/2026 10:15"); // 09:15 UTC shown in Europe/Rome
  await expect(row).toContainText("Manuale");
  await expect(row).toContainText("Simulatore");
  await expect(row).toContainText(protocollo);
  // Finished: the outcome alone, never a green "Completato" beside the rejections.
  await expect(row).toContainText("Parzialmente scartato");
  await expect(row).not.toContainText("Completato");
  await expect(row).toContainText("Accolti 1");
  await expect(row).toContainText("di cui con segnalazioni 1");
  await expect(row).toContainText("Scartati 1");
  await expect(row.getByRole("link", { name: "Ricevuta PDF" })).toHaveAttribute(
    "href",
    `/invii/${submissionId}/ricevuta`,
  );
  await expect(row.getByRole("link", { name: "Errori CSV" })).toBeVisible();
  await screenshot(page, "sts-log-list");

  // Filters live in the URL.
  await page.getByLabel("Tipo di invio").selectOption("automatic");
  await page.getByRole("button", { name: "Applica" }).click();
  await expect(page).toHaveURL(/trigger=automatic/);
  await expect(page.getByText("Nessun invio corrisponde ai filtri.")).toBeVisible();
  await page.goto("/invii?outcome=partially_rejected");
  await expect(page.getByTestId("submission-row")).toHaveCount(1);

  // The detail.
  await page
    .getByTestId("submission-row")
    .getByRole("link", { name: /Dettaglio/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`/invii/${submissionId}$`));
  await expect(page.getByRole("heading", { name: "Invio del 10/03/2026 10:15" })).toBeVisible();
  await expect(page.getByText("10/03/2026 10:15:02")).toBeVisible();

  const rejected = page.locator('[data-testid="submission-document"][data-outcome="rejected"]');
  await expect(rejected).toContainText("Fattura n. 1/2026");
  await expect(rejected).toContainText("Ferri Lucia");
  await expect(rejected).toContainText("Inserimento");
  await expect(rejected).toContainText("Scartato");
  const s011 = rejected.getByTestId("sts-code");
  await expect(s011).toHaveAttribute("data-severity", "error");
  await expect(s011).toContainText("S011");
  await expect(s011).toContainText("IL CF DEL CITTADINO RISULTA FORMALMENTE ERRATO");
  await expect(s011).toContainText("Il codice fiscale del paziente non è corretto");

  const warned = page.locator('[data-testid="submission-document"][data-outcome="accepted_with_warnings"]');
  await expect(warned).toContainText("Accolto con segnalazioni");
  const w003 = warned.getByTestId("sts-code");
  await expect(w003).toHaveAttribute("data-severity", "warning");
  await expect(w003.getByText("Segnalazione", { exact: true })).toBeVisible();
  await expect(w003).toContainText("W003");

  // Only the refused documents of the batch, and back to all of them.
  await page.getByRole("link", { name: "Mostra solo il documento scartato o non inviato" }).click();
  await expect(page).toHaveURL(/documenti=scartati/);
  await expect(page.getByTestId("submission-document")).toHaveCount(1);
  await expect(page.getByTestId("submission-document")).toHaveAttribute("data-outcome", "rejected");
  await page.getByRole("link", { name: "Mostra tutti i 2 documenti" }).click();
  await expect(page.getByTestId("submission-document")).toHaveCount(2);
  // A batch has its receipt: no word about single sends here.
  await expect(page.getByTestId("sync-no-receipt")).toHaveCount(0);

  // Technical details are collapsed, and hold the (escaped) XML.
  const technical = page.getByTestId("technical-details");
  await expect(technical.locator("pre").first()).toBeHidden();
  await technical.getByText("Dettagli tecnici (per l'assistenza)").click();
  await expect(technical).toContainText("inviaFileMtom");
  await expect(technical).toContainText(`<protocollo>${protocollo}</protocollo>`);
  await screenshot(technical, "sts-log-technical");
  await technical.getByText("Dettagli tecnici (per l'assistenza)").click();

  await screenshot(page, "sts-log-detail");

  // The receipt is a PDF, named after the protocollo.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Scarica la ricevuta (PDF)" }).click();
  const receipt = await download;
  expect(receipt.suggestedFilename()).toBe(`ricevuta-${protocollo}.pdf`);
  expect(
    readFileSync(await receipt.path())
      .subarray(0, 5)
      .toString("latin1"),
  ).toBe("%PDF-");
  const pdfResponse = await page.request.get(`/invii/${submissionId}/ricevuta`);
  expect(pdfResponse.headers()["content-type"]).toBe("application/pdf");
  const csvResponse = await page.request.get(`/invii/${submissionId}/errori`);
  expect(csvResponse.status()).toBe(200);
  expect(csvResponse.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(await csvResponse.text()).toContain("S011");

  // One click from S011 to the patient card.
  await rejected.getByRole("link", { name: /Correggi la scheda del paziente/ }).click();
  await expect(page).toHaveURL(new RegExp(`/pazienti/${patient.id}$`));
  await expect(page.getByRole("heading", { name: "Ferri Lucia" })).toBeVisible();

  // Another practitioner: 404 on the detail, the receipt and the CSV; an empty list.
  await logout(page);
  await registerAndLogin(page, "Dott. Bruno Verdi");
  const detail = await page.goto(`/invii/${submissionId}`);
  expect(detail?.status()).toBe(404);
  expect((await page.request.get(`/invii/${submissionId}/ricevuta`)).status()).toBe(404);
  expect((await page.request.get(`/invii/${submissionId}/errori`)).status()).toBe(404);
  await page.goto("/invii");
  await expect(page.getByTestId("submission-row")).toHaveCount(0);
  await expect(page.getByText(protocollo)).toHaveCount(0);
});
