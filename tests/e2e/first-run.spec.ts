import { expect, test } from "@playwright/test";
import { registerAndLogin } from "./helpers";
import { seedInvoice, seedPatient, seedProfile } from "./seed";
import { setUpSts, stsCell } from "./sts-helpers";
import { screenshotBothWidths } from "./viewports";

test("first run: the checklist leads through profile, STS credentials and first invoice, then goes away", async ({
  page,
}) => {
  const email = await registerAndLogin(page, "Dott.ssa Chiara Esordio");
  await page.goto("/");
  const checklist = page.getByTestId("first-run");

  // Nothing done yet: the first step's link is offered, and the greeting does not assume a gender.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ti diamo il benvenuto, Dott.ssa Chiara Esordio");
  await expect(checklist).toContainText("0 di 3 passi fatti");
  await expect(checklist.getByRole("link")).toHaveText("Vai al profilo");
  await screenshotBothWidths(page, "first-run-checklist");
  await checklist.getByRole("link", { name: "Vai al profilo" }).click();
  await expect(page).toHaveURL(/\/impostazioni\/profilo$/);

  // Profile done: the next step is the STS credentials.
  await seedProfile(email);
  const patient = await seedPatient(email, { firstName: "Sara", lastName: "Galli" });
  await page.goto("/");
  await expect(checklist).toContainText("1 di 3 passi fatti");
  await expect(checklist.getByRole("link")).toHaveText("Vai alle credenziali");

  // An invoice before the credentials: the grey dot says why, and its reason leads to the STS settings.
  await seedInvoice(email, {
    patientId: patient.id,
    issueDate: "2026-03-10",
    paymentDate: "2026-03-10",
    paymentMethod: "pos",
  });
  await seedInvoice(email, { patientId: patient.id, issueDate: "2026-03-12" });
  await page.goto("/");
  await expect(checklist).toContainText("2 di 3 passi fatti");
  await expect(page.getByRole("link", { name: "1 fattura da pagare" })).toBeVisible();
  await page.goto("/fatture");
  await expect(page.getByTestId("sts-legend")).toContainText("da inviare");
  await expect(page.getByTestId("sts-legend")).toContainText("non inviabile");
  await stsCell(page, "1/2026").getByRole("link", { name: "Configura le credenziali STS" }).click();
  await expect(page).toHaveURL(/\/impostazioni\/sts$/);

  // Everything done: the dashboard shows the figures only.
  await setUpSts(page, email);
  await page.goto("/");
  await expect(page.getByTestId("kpi-invoiced")).toBeVisible();
  await expect(checklist).toHaveCount(0);
});
