import { expect, type Page } from "@playwright/test";
import { nextPartitaIva } from "../../prisma/seed/factories/partita-iva";
import { e2eInstance } from "./e2e-env";
import { buildCodiceFiscale } from "../../prisma/seed/factories/codice-fiscale";
import { registerAndLogin } from "./helpers";
import { seedInvoices, seedPatient, seedProfile, seedStsSettings } from "./seed";

export const KIT = { cf: "MTOMRA66A41G224M", password: "Salve123", pin: "3489543096" };
/** The simulator of the running test's installation. */
export const simulatorUrl = () => e2eInstance().simulatorUrl;

// A profile with a P.IVA of its own (STS identifies documents by P.IVA + date + number) and the kit STS user,
// stored as verified by the seed server without loading the settings page: a page load, two server actions, their
// renders and a call to STS fewer per practice. The page's own story is tested by sts-settings.spec.ts (and setUpSts below).
export async function seedSts(email: string, partitaIva = nextPartitaIva()) {
  await seedProfile(email, { partitaIva });
  await seedStsSettings(email);
}

// The same through the settings page, as a practitioner does it (it ends on that page).
export async function setUpSts(page: Page, email: string, partitaIva = nextPartitaIva()) {
  await seedProfile(email, { partitaIva });
  await page.goto("/impostazioni/sts");
  await page.getByLabel("Codice fiscale del titolare").fill(KIT.cf);
  await page.getByLabel("Password del Sistema TS").fill(KIT.password);
  await page.getByLabel("PIN (PINCODE)").fill(KIT.pin);
  await page.getByRole("button", { name: "Salva le impostazioni" }).click();
  await expect(page.getByText(/Impostazioni salvate/)).toBeVisible();
  await page.getByRole("button", { name: "Verifica credenziali" }).click();
  await expect(page.getByTestId("sts-check-result")).toContainText("Credenziali corrette");
}

// The test's own fetch keeps connections alive, and the simulator drops idle ones after a few seconds: a call that
// lands on a connection closed meanwhile is repeated once (the admin calls are idempotent).
export async function simulatorAdmin(path: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(`${simulatorUrl()}/__admin/${path}`, init);
  } catch {
    return fetch(`${simulatorUrl()}/__admin/${path}`, init);
  }
}

export async function simulatorConfig(config: Record<string, unknown>) {
  const res = await simulatorAdmin("config", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(config),
  });
  expect(res.ok).toBe(true);
}

export function stsCell(page: Page, number: string) {
  return page
    .getByTestId("invoice-row")
    .filter({ has: page.getByRole("link", { name: number, exact: true }) })
    .getByTestId("sts-cell");
}

/**
 * "Invia ora" of one document from the invoice list. `from` is the STS state the document must show first (null:
 * whatever it shows); returns the document's STS cell, to read the outcome from.
 */
export async function sendNow(page: Page, number: string, from: string | null = "to_send") {
  await page.goto("/fatture");
  const cell = stsCell(page, number);
  if (from) await expect(cell.locator("[data-sts-state]")).toHaveAttribute("data-sts-state", from);
  await cell.getByRole("button", { name: /Azioni STS/ }).click();
  await cell.getByRole("button", { name: "Invia ora", exact: true }).click();
  return cell;
}

/** "Invia ora" from the STS box of the document's own page. */
export async function sendNowFromDocument(page: Page) {
  await page
    .getByTestId("sts-status")
    .getByRole("button", { name: /Azioni STS/ })
    .click();
  await page.getByRole("button", { name: "Invia ora", exact: true }).click();
}

/**
 * A practitioner registered and logged in, with STS set up, one patient with a codice fiscale of the test's own
 * (drawn from `cfFrom` upwards, so that specs running side by side never share one) and `count` invoices paid by
 * card on `date`. Returns the email, the patient's id and the invoices' ids.
 */
export async function practiceWithPaidInvoices(
  page: Page,
  options: {
    name: string;
    count: number;
    date: string;
    cfFrom: number;
    patient?: Record<string, string>;
    partitaIva?: string;
  },
) {
  const email = await registerAndLogin(page, options.name);
  await seedSts(email, options.partitaIva);
  const codiceFiscale = buildCodiceFiscale({ sequence: options.cfFrom + Math.floor(Math.random() * 200_000) });
  const patient = await seedPatient(email, { ...options.patient, codiceFiscale });
  const invoiceIds = await seedInvoices(email, {
    count: options.count,
    patientId: patient.id,
    issueDate: options.date,
    paymentDate: options.date,
    paymentMethod: "carta",
  });
  return { email, patientId: patient.id as string, invoiceIds };
}
