import { expect, test } from "@playwright/test";
import { E2E_ADMIN_EMAIL } from "./e2e-env";
import { registerAndLogin } from "./helpers";
import { screenshotBothWidths } from "./viewports";

// The run's server has ADMIN_EMAIL set (playwright.config.ts): only that account sees the status page.
test("the administrator sees the installation's status; another practitioner gets 404", async ({ browser }) => {
  const admin = await browser.newPage();
  await registerAndLogin(admin, "Dott.ssa Amministratrice", E2E_ADMIN_EMAIL);
  await admin.goto("/impostazioni");
  await admin.getByRole("link", { name: /Stato dell'installazione/ }).click();
  await expect(admin.getByRole("heading", { name: "Stato dell'installazione" })).toBeVisible();
  // The worker of the run beats every 30 s from its start: green.
  await expect(admin.getByTestId("check-worker")).toHaveAttribute("data-level", "ok");
  await expect(admin.getByTestId("check-worker")).toContainText("Ultimo segnale");
  await expect(admin.getByTestId("check-migrations")).toContainText("Il database è aggiornato.");
  await expect(admin.getByTestId("check-certificate")).toContainText("Valido fino al");
  await expect(admin.getByTestId("installation-overall")).toBeVisible();
  await screenshotBothWidths(admin, "installation-status");

  const other = await browser.newPage();
  await registerAndLogin(other, "Dott. Collega");
  const response = await other.goto("/stato");
  expect(response?.status()).toBe(404);
  await other.goto("/impostazioni");
  await expect(other.getByRole("link", { name: /Stato dell'installazione/ })).toHaveCount(0);
});
