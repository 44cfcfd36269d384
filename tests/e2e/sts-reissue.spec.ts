import { expect, test } from "@playwright/test";
import { isoDate } from "../../lib/domain/dates";
import { buildCodiceFiscale } from "../../prisma/seed/factories/codice-fiscale";
import { registerAndLogin } from "./helpers";
import { seedInvoices, seedLegacyDates, seedPatient, seedProfile } from "./seed";
import { practiceWithPaidInvoices, sendNow, sendNowFromDocument, stsCell } from "./sts-helpers";
import { screenshotBothWidths } from "./viewports";

const uniqueCf = () => buildCodiceFiscale({ sequence: 9_700_000 + Math.floor(Math.random() * 200_000) });
const DAY = 86_400_000;

test("Annulla e riemetti: the date of an accepted invoice is locked; the reissue voids it, issues the next number and both go to STS together", async ({
  page,
}) => {
  const {
    invoiceIds: [first],
  } = await practiceWithPaidInvoices(page, {
    name: "Dott.ssa Riemissione",
    count: 2,
    date: "2026-09-01",
    cfFrom: 9_700_000,
    patient: { firstName: "Nora", lastName: "Galli" },
  });
  const cell = await sendNow(page, "1/2026");
  await expect(cell.locator("[data-sts-state]")).toHaveAttribute("data-sts-state", "accepted");

  // The edit form says why the date is locked and keeps it read-only.
  await page.goto(`/fatture/${first}/modifica`);
  await expect(page.getByTestId("identity-lock")).toContainText("numero e data non si possono più cambiare");
  const date = page.getByLabel("Data fattura");
  await expect(date).not.toBeEditable();
  await expect(page.locator("#issueDate-hint")).toContainText("Annulla e riemetti");
  await screenshotBothWidths(page, "reissue-locked-form");

  // By keyboard: the button, then the corrected date, then the confirmation that says what will happen.
  await page.getByRole("button", { name: "Annulla e riemetti…" }).focus();
  await page.keyboard.press("Enter");
  await expect(date).toBeEditable();
  await date.fill("2026-09-02");
  await page.getByLabel("Data pagamento").fill("2026-09-02");
  await page.getByRole("button", { name: "Annulla e riemetti", exact: true }).click();
  const confirmation = page.getByTestId("reissue-confirmation");
  await expect(confirmation).toContainText("La fattura n. 1/2026 sarà annullata");
  await expect(confirmation).toContainText("prossimo numero del 2026");
  await expect(page.getByRole("heading", { name: "Confermi «Annulla e riemetti»?" })).toBeFocused();
  await screenshotBothWidths(page, "reissue-confirmation");
  await confirmation.getByRole("button", { name: "Conferma: annulla e riemetti" }).click();

  // The new invoice: the next number, linked to the voided one; one "Invia ora" sends both.
  await expect(page.getByRole("heading", { name: "Fattura n. 3/2026" })).toBeVisible();
  await expect(page.getByTestId("replaces")).toContainText("Riemessa al posto della fattura n. 1/2026");
  await expect(page.getByTestId("sts-status")).toContainText("Da inviare");
  await sendNowFromDocument(page);
  await expect(page.getByTestId("sts-history")).toContainText("Inserimento · accettato");
  await expect(page.getByTestId("sts-status")).toContainText("Inviato – accettato");
  await screenshotBothWidths(page, "reissue-new-invoice");

  // The voided invoice links forward and STS cancelled it.
  await page.getByTestId("replaces").getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Fattura n. 1/2026" })).toBeVisible();
  await expect(page.getByTestId("replaced-by")).toContainText("Annullata e riemessa come fattura n. 3/2026");
  await expect(page.getByTestId("sts-status")).toContainText("Cancellato dal Sistema TS");
  await expect(page.getByTestId("sts-history")).toContainText("Cancellazione · accettato");
  await screenshotBothWidths(page, "reissue-voided-invoice");

  // Numbering stays continuous: 1 voided (never reused), 2 and 3 issued, green where STS holds them.
  await page.goto("/fatture");
  await expect(stsCell(page, "3/2026").locator("[data-sts-state]")).toHaveAttribute("data-sts-state", "accepted");
  for (const number of ["1/2026", "2/2026", "3/2026"])
    await expect(
      page.getByTestId("invoice-row").filter({ has: page.getByRole("link", { name: number, exact: true }) }),
    ).toHaveCount(1);
  await expect(
    page.getByTestId("invoice-row").filter({ has: page.getByRole("link", { name: "1/2026", exact: true }) }),
  ).toContainText("Annullata");
  await page.goto("/invii");
  await expect(page.locator("tbody tr")).toHaveCount(3);
});

test("dates: a future invoice or payment date is refused beside the field; a payment before the invoice needs «Pagamento anticipato»; old dates to fix are listed", async ({
  page,
}) => {
  const email = await registerAndLogin(page, "Dott. Date Sensate");
  await seedProfile(email);
  const patient = await seedPatient(email, { firstName: "Ada", lastName: "Riva", codiceFiscale: uniqueCf() });
  const today = isoDate(new Date());
  const tomorrow = isoDate(new Date(Date.now() + DAY));
  const yesterday = isoDate(new Date(Date.now() - DAY));

  await page.goto(`/fatture/nuova?paziente=${patient.id}`);
  await page.getByLabel("Data fattura").fill(tomorrow);
  await page.getByLabel("Data pagamento").fill(tomorrow);
  await page.getByLabel("Metodo di pagamento").selectOption("carta");
  await page.locator("#line-0-unitPrice").fill("70,00");
  await page.getByRole("button", { name: "Emetti fattura" }).click();
  await expect(page.locator("#issueDate-error")).toContainText("non può essere successiva a oggi");
  await expect(page.locator("#paymentDate-error")).toContainText("non può essere successiva a oggi");
  await expect(page).toHaveURL(/\/fatture\/nuova/);
  await screenshotBothWidths(page, "dates-future-refused");

  // Paid yesterday, invoiced today: only as an explicit advance payment.
  await page.getByLabel("Data fattura").fill(today);
  await page.getByLabel("Data pagamento").fill(yesterday);
  await page.getByRole("button", { name: "Emetti fattura" }).click();
  await expect(page.locator("#paymentDate-error")).toContainText("«Pagamento anticipato»");
  await screenshotBothWidths(page, "dates-advance-payment");
  await page.getByLabel("Pagamento anticipato: ricevuto prima della data della fattura").check();
  await page.getByRole("button", { name: "Emetti fattura" }).click();
  await expect(page.getByRole("heading", { name: "Fattura n. 1/2026" })).toBeVisible();
  await expect(page.getByText(/· pagamento anticipato/)).toBeVisible();

  // A document saved before these rules with a date in the future is listed, with a link to it.
  const [legacy] = await seedInvoices(email, { count: 1, patientId: patient.id, issueDate: today });
  await seedLegacyDates(email, { invoiceId: legacy!, issueDate: "2099-01-10" });
  await page.goto("/fatture");
  const banner = page.getByTestId("dates-review");
  await expect(banner).toContainText("Un documento ha date da controllare");
  await expect(banner).toContainText("data della fattura nel futuro");
  await screenshotBothWidths(page, "dates-review-banner");
  await banner.getByRole("link", { name: "Fattura n. 2/2026" }).click();
  await expect(page.getByRole("heading", { name: "Fattura n. 2/2026" })).toBeVisible();
});
