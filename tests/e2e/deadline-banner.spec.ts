import { expect, test } from "@playwright/test";
import { registerAndLogin } from "./helpers";
import { seedInvoice, seedPatient, seedProfile } from "./seed";

test("the deadline banner lists only what a payment year holds back, each count leading to the same documents", async ({
  page,
}) => {
  const email = await registerAndLogin(page, "Dott. Marco Scadenze");
  await seedProfile(email);
  const patient = await seedPatient(email, { firstName: "Lia", lastName: "Conti" });
  // Unpaid, without STS credentials: not sendable, nothing to send.
  await seedInvoice(email, { patientId: patient.id, issueDate: "2026-03-02" });
  await page.goto("/fatture");
  const banner = page.getByTestId("deadline-banner");
  await expect(banner).toContainText(/Spese pagate nel 2026: entro il 01\/02\/2027 \(.+\) — 1 non inviabile$/);
  await expect(banner.getByRole("link")).toHaveText(["1 non inviabile"]);
  await banner.getByRole("link", { name: "1 non inviabile" }).click();
  await expect(page).toHaveURL(/\/fatture\?sts=not_eligible$/);
  await expect(page.getByTestId("invoice-row")).toHaveCount(1);
});
