import { expect, test } from "@playwright/test";
import { nextPartitaIva } from "../../prisma/seed/factories/partita-iva";
import { buildCodiceFiscale } from "../../prisma/seed/factories/patients";
import { registerAndLogin } from "./helpers";
import { seedInvoices, seedPatient } from "./seed";
import { setUpSts, simulatorAdmin } from "./sts-helpers";
import { screenshotBothWidths } from "./viewports";

const uniqueCf = () => buildCodiceFiscale({ sequence: 9_400_000 + Math.floor(Math.random() * 200_000) });

test("Verifica su STS: finds an invoice missing on STS and one sent elsewhere, fixes each with one click, by keyboard", async ({
  page,
}) => {
  test.setTimeout(360_000);
  const email = await registerAndLogin(page, "Dott. Verifica");
  const pIva = nextPartitaIva();
  await setUpSts(page, email, pIva);
  const patient = seedPatient(email, { firstName: "Ada", lastName: "Riva", codiceFiscale: uniqueCf() });
  seedInvoices(email, {
    count: 1,
    patientId: patient.id,
    issueDate: "2026-03-02",
    paymentDate: "2026-03-02",
    paymentMethod: "carta",
  });
  // Entered by hand on the STS portal before the practitioner started with Parcella.
  const planted = await simulatorAdmin("documents", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      id: { pIva, dataEmissione: "2026-02-10", numDocumento: "P-14" },
      dataPagamento: "2026-02-10",
      items: [{ tipoSpesa: "SP", amountCents: 6500 }],
    }),
  });
  expect(planted.status).toBe(200);

  await page.goto("/invii");
  await page.getByRole("link", { name: "Verifica su STS" }).click();
  await expect(page.getByRole("heading", { name: "Verifica su STS" })).toBeVisible();
  await page.getByRole("button", { name: "Verifica ora" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("reconcile-summary")).toContainText("2 differenze");
  const rows = page.getByTestId("difference");
  await expect(rows).toHaveCount(2);
  const missing = rows.filter({ hasText: "1/2026" });
  await expect(missing).toContainText("Manca sul Sistema TS");
  const elsewhere = rows.filter({ hasText: "P-14" });
  await expect(elsewhere).toContainText("non inviato da Parcella");
  await expect(elsewhere).toContainText("SP 65,00");
  await expect(page.getByTestId("suggested-minimum-date")).toContainText("11/02/2026");
  await screenshotBothWidths(page, "reconciliation-differences");

  // The document sent elsewhere is adopted (never cancelled), by keyboard.
  await elsewhere.getByRole("button", { name: "Segna come già inviato" }).focus();
  await page.keyboard.press("Enter");
  await expect(rows).toHaveCount(1);
  await missing.getByRole("button", { name: "Invia" }).click();
  await expect(rows).toHaveCount(0);
  await expect(page.getByTestId("reconcile-summary")).toContainText("Nessuna differenza");
  await page.getByRole("button", { name: "Verifica di nuovo" }).click();
  await expect(page.getByTestId("reconcile-summary")).toContainText("Nessuna differenza");
  await expect(page.getByTestId("reconcile-summary")).toContainText("2 documenti sul Sistema TS");
  await screenshotBothWidths(page, "reconciliation-clean");
});
