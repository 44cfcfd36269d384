import { expect, test } from "@playwright/test";
import { practiceWithPaidInvoices, sendNow, sendNowFromDocument } from "./sts-helpers";
import { screenshot } from "./screenshots";

test("lifecycle: edit an accepted invoice → V → green; credit note → R → green; void → C → accepted", async ({
  page,
}) => {
  const {
    invoiceIds: [first, second],
  } = await practiceWithPaidInvoices(page, {
    name: "Dott. Ciclo Vita",
    count: 2,
    date: "2026-09-01",
    cfFrom: 9_100_000,
    patient: { firstName: "Irene", lastName: "Sala" },
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
  await sendNowFromDocument(page);
  await expect(page.getByTestId("sts-history")).toContainText("Cancellazione · accettato");
  await screenshot(page, "sts-lifecycle-void");

  await page.goto("/invii");
  await expect(page.locator("tbody tr")).toHaveCount(5);
});
