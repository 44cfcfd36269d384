import { expect, test, type Page } from "@playwright/test";
import { buildCodiceFiscale } from "../../prisma/seed/factories/patients";
import { registerAndLogin } from "./helpers";
import { seedInvoices, seedPatient } from "./seed";
import { setUpSts, stsCell } from "./sts-helpers";

async function sendNow(page: Page, number: string) {
  await page.goto("/fatture");
  const cell = stsCell(page, number);
  await expect(cell.locator("[data-sts-state]")).toHaveAttribute("data-sts-state", "to_send");
  await cell.getByRole("button", { name: /Azioni STS/ }).click();
  await cell.getByRole("button", { name: "Invia ora", exact: true }).click();
  return cell;
}

test("lifecycle: edit an accepted invoice → V → green; credit note → R → green; void → C → accepted", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const email = await registerAndLogin(page, "Dott. Ciclo Vita");
  await setUpSts(page, email);
  const patient = seedPatient(email, {
    firstName: "Irene",
    lastName: "Sala",
    codiceFiscale: buildCodiceFiscale({ sequence: 9_100_000 + Math.floor(Math.random() * 500_000) }),
  });
  const [first, second] = seedInvoices(email, {
    count: 2,
    patientId: patient.id,
    issueDate: "2026-09-01",
    paymentDate: "2026-09-01",
    paymentMethod: "carta",
  });

  let cell = await sendNow(page, "1/2026");
  await expect(cell.locator("[data-sts-state]")).toHaveAttribute("data-sts-state", "accepted");

  // Edit the accepted invoice: it needs a variazione.
  await page.goto(`/fatture/${first}/modifica`);
  await page.locator("#line-0-unitPrice").fill("75,00");
  await page.getByRole("button", { name: "Salva modifiche" }).click();
  await expect(page.getByTestId("sts-status")).toContainText("Da inviare");
  await expect(page.getByText(/Variazione del documento n\. 1\/2026/)).toBeVisible();
  cell = await sendNow(page, "1/2026");
  await expect(cell.locator("[data-sts-state]")).toHaveAttribute("data-sts-state", "accepted");

  // A credit note on it: a rimborso linked to the original.
  await page.goto(`/fatture/${first}/nota-di-credito`);
  await page.getByLabel("Storno parziale").check();
  await page.getByLabel("Data della nota di credito").fill("2026-09-15");
  await page.getByLabel("Importo (€)").fill("10,00");
  await page.getByRole("button", { name: "Emetti nota di credito" }).click();
  await expect(page.getByRole("heading", { name: "Nota di credito NC 1/2026" })).toBeVisible();
  await expect(page.getByText(/Rimborso del documento n\. NC-1\/2026/)).toBeVisible();
  cell = await sendNow(page, "NC 1/2026");
  await expect(cell.locator("[data-sts-state]")).toHaveAttribute("data-sts-state", "accepted");

  // Void the second (accepted) invoice: a cancellazione.
  cell = await sendNow(page, "2/2026");
  await expect(cell.locator("[data-sts-state]")).toHaveAttribute("data-sts-state", "accepted");
  await page.goto(`/fatture/${second}`);
  await page.getByRole("button", { name: "Annulla documento" }).click();
  await page.getByLabel("Motivo dell'annullamento").fill("Emessa per errore");
  await page.getByRole("button", { name: "Conferma annullamento" }).click();
  await expect(page.getByText("Documento annullato.")).toBeVisible();
  await expect(page.getByText(/Cancellazione del documento n\. 2\/2026/)).toBeVisible();
  await page
    .getByTestId("sts-status")
    .getByRole("button", { name: /Azioni STS/ })
    .click();
  await page.getByRole("button", { name: "Invia ora", exact: true }).click();
  await expect(page.getByTestId("sts-history")).toContainText("Cancellazione · accettato");
  await page.screenshot({ path: "tests/.artifacts/screenshots/sts-lifecycle-void.png", fullPage: true });

  await page.goto("/invii");
  await expect(page.locator("tbody tr")).toHaveCount(5);
});
