import { expect, test } from "@playwright/test";
import { nextPartitaIva } from "../../prisma/seed/factories/partita-iva";
import { axeViolations } from "./axe";
import { practiceWithPaidInvoices, sendNow, simulatorAdmin } from "./sts-helpers";
import { screenshotBothWidths } from "./viewports";

function plant(pIva: string, numDocumento: string, date: string, amountCents: number) {
  return simulatorAdmin("documents", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      id: { pIva, dataEmissione: date, numDocumento },
      dataPagamento: date,
      items: [{ tipoSpesa: "SP", amountCents }],
    }),
  });
}

test("Verifica su STS: finds an invoice missing on STS, one whose amount differs and two sent elsewhere; fixes each with one click, by keyboard; cancels one only after its own confirmation", async ({
  page,
}) => {
  test.setTimeout(360_000);
  const pIva = nextPartitaIva();
  const {
    invoiceIds: [, changed],
  } = await practiceWithPaidInvoices(page, {
    name: "Dott. Verifica",
    count: 2,
    date: "2026-03-02",
    cfFrom: 9_400_000,
    patient: { firstName: "Ada", lastName: "Riva" },
    partitaIva: pIva,
  });
  // 2/2026 reaches STS, then its amount is changed in Parcella: STS holds the old amount.
  const sent = await sendNow(page, "2/2026");
  await expect(sent.locator("[data-sts-state]")).toHaveAttribute("data-sts-state", "accepted");
  await page.goto(`/fatture/${changed}/modifica`);
  await page.locator("#line-0-unitPrice").fill("75,00");
  await page.getByRole("button", { name: "Salva modifiche" }).click();
  await expect(page.getByTestId("sts-status")).toContainText("Da inviare");
  // Entered by hand on the STS portal before the practitioner started with Parcella; the second by mistake.
  expect((await plant(pIva, "P-14", "2026-02-10", 6500)).status).toBe(200);
  expect((await plant(pIva, "X-3", "2026-02-05", 4000)).status).toBe(200);

  await page.goto("/invii");
  await page.getByRole("link", { name: "Verifica su STS" }).click();
  await expect(page.getByRole("heading", { name: "Verifica su STS" })).toBeVisible();
  await page.getByRole("button", { name: "Verifica ora" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("reconcile-summary")).toContainText("4 differenze");
  const rows = page.getByTestId("difference");
  await expect(rows).toHaveCount(4);
  const missing = rows.filter({ hasText: "1/2026" });
  await expect(missing).toContainText("Manca sul Sistema TS");
  const different = rows.filter({ hasText: "2/2026" });
  await expect(different).toContainText("Importo o tipo di spesa diversi sul Sistema TS");
  await expect(different).toContainText(/In Parcella: SP 76,50\s€ · Sul Sistema TS: SP 71,40\s€/);
  const elsewhere = rows.filter({ hasText: "P-14" });
  await expect(elsewhere).toContainText("non inviato da Parcella");
  await expect(elsewhere).toContainText("SP 65,00");
  await expect(page.getByTestId("suggested-minimum-date")).toContainText("11/02/2026");
  await screenshotBothWidths(page, "reconciliation-differences");

  // The document sent elsewhere is adopted (never cancelled), by keyboard.
  await elsewhere.getByRole("button", { name: "Segna come già inviato" }).focus();
  await page.keyboard.press("Enter");
  await expect(rows).toHaveCount(3);
  await missing.getByRole("button", { name: "Invia", exact: true }).click();
  await expect(rows).toHaveCount(2);
  await different.getByRole("button", { name: "Invia variazione" }).click();
  await expect(rows).toHaveCount(1);

  // The one sent by mistake: cancelling it is behind its own disclosure, and refused until confirmed.
  const mistaken = rows.filter({ hasText: "X-3" });
  await mistaken.getByText("Non è tuo? Annullalo sul Sistema TS…").click();
  await expect(mistaken).toContainText("il paziente perde la detrazione");
  await mistaken.getByRole("button", { name: "Annulla sul Sistema TS" }).click();
  await expect(mistaken.getByRole("alert")).toContainText("conferma di aver capito");
  await screenshotBothWidths(page, "reconciliation-cancel-confirmation");
  expect(await axeViolations(page)).toEqual([]);
  const counts = async () => ((await (await simulatorAdmin("counts")).json()) as CountsBody).documents;
  expect((await counts())[`${pIva}|2026-02-05|1|X-3`]?.received ?? {}).toEqual({});
  await mistaken.getByLabel("Ho capito: il paziente perde la detrazione di questa spesa").check();
  await mistaken.getByRole("button", { name: "Annulla sul Sistema TS" }).click();
  await expect(rows).toHaveCount(0);
  expect((await counts())[`${pIva}|2026-02-05|1|X-3`]?.received).toEqual({ C: 1 });

  await expect(page.getByTestId("reconcile-summary")).toContainText("Nessuna differenza");
  await page.getByRole("button", { name: "Verifica di nuovo" }).click();
  await expect(page.getByTestId("reconcile-summary")).toContainText("Nessuna differenza");
  await expect(page.getByTestId("reconcile-summary")).toContainText("3 documenti sul Sistema TS");
  await screenshotBothWidths(page, "reconciliation-clean");
});

type CountsBody = { documents: Record<string, { received: Record<string, number> }> };
