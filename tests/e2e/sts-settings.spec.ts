import { expect, test } from "@playwright/test";
import { registerAndLogin } from "./helpers";
import { screenshot } from "./screenshots";

const KIT = { cf: "MTOMRA66A41G224M", password: "Salve123", pin: "3489543096" };

test("STS settings: save the kit user, verify, wrong PIN, write-only secrets, automatic sending needs a date", async ({
  page,
}) => {
  await registerAndLogin(page, "Dott.ssa Tessera Sanitaria");
  await page.goto("/");
  // The shell says which STS the app talks to.
  await expect(page.getByTestId("sts-environment").first()).toContainText("Simulatore");

  await page.goto("/impostazioni/sts");
  await expect(page.getByRole("heading", { name: "Sistema Tessera Sanitaria" })).toBeVisible();
  await expect(page.getByTestId("sts-kit-hint")).toContainText(KIT.cf);
  await expect(page.getByRole("button", { name: "Verifica credenziali" })).toBeDisabled();

  await page.getByLabel("Codice fiscale del titolare").fill(KIT.cf.toLowerCase());
  await page.getByLabel("Password del Sistema TS").fill(` ${KIT.password}`);
  await expect(page.getByText(/Abbiamo tolto gli spazi all'inizio o alla fine della password/)).toBeVisible();
  await page.getByLabel("PIN (PINCODE)").fill(KIT.pin);
  await page.getByRole("button", { name: "Salva le impostazioni" }).click();
  await expect(page.getByText("Impostazioni salvate. Ora premi «Verifica credenziali».")).toBeVisible();
  await expect(page.getByLabel("Password del Sistema TS")).toHaveValue("");
  await expect(page.getByLabel("Password del Sistema TS")).toHaveAttribute(
    "placeholder",
    /^impostata il \d{2}\/\d{2}\/\d{4} — lascia vuoto per non cambiarla$/,
  );

  // The password never comes back from the server.
  await page.reload();
  const html = await page.content();
  expect(html).not.toContain(KIT.password);
  expect(html).not.toContain(KIT.pin);
  await expect(page.getByLabel("Codice fiscale del titolare")).toHaveValue(KIT.cf);
  await expect(page.getByTestId("sts-kit-hint")).toHaveCount(0);
  await expect(page.getByTestId("password-age")).toContainText("Password impostata il");

  await page.getByRole("button", { name: "Verifica credenziali" }).click();
  await expect(page.getByTestId("sts-check-result")).toContainText("Credenziali corrette");

  // A wrong PIN: the check fails with the plain explanation and what to do.
  await page.getByLabel("PIN (PINCODE)").fill("1234567890");
  await page.getByRole("button", { name: "Salva le impostazioni" }).click();
  await expect(page.getByTestId("sts-check-result")).toContainText("Credenziali non ancora verificate");
  await page.getByRole("button", { name: "Verifica credenziali" }).click();
  const failed = page.getByTestId("sts-check-result");
  await expect(failed).toContainText("Verifica non riuscita");
  await expect(failed).toContainText("Il PIN inserito è errato");
  await expect(failed).toContainText("Cosa fare:");

  // Automatic sending without the minimum date: Italian error beside the date field, nothing saved.
  await page.getByLabel("Invia automaticamente le fatture al Sistema TS").check();
  await page.getByRole("button", { name: "Salva le impostazioni" }).click();
  await expect(page.locator("#autoSendFrom-error")).toHaveText(/indica la data minima delle fatture/);
  await expect(page.getByLabel("Data minima fattura per invio automatico")).toHaveAttribute("aria-invalid", "true");

  // Automatic sending on, and the check refuses the wrong PIN: sending is paused, in red, here and in the shell.
  await page.getByLabel("Data minima fattura per invio automatico").fill("2026-01-01");
  await page.getByRole("button", { name: "Salva le impostazioni" }).click();
  await expect(page.getByText("Impostazioni salvate.", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Verifica credenziali" }).click();
  await expect(page.getByTestId("sts-check-result")).toContainText("Il PIN inserito è errato");
  await expect(page.getByTestId("sts-paused-banner")).toContainText(
    "Invio automatico sospeso: Il PIN inserito è errato",
  );
  await screenshot(page, "sts-settings-paused");
  await page.goto("/");
  await expect(page.getByTestId("sts-credentials-banner")).toContainText("Invio automatico al Sistema TS sospeso");

  // The right PIN and a passing check resume automatic sending by themselves.
  await page.goto("/impostazioni/sts");
  await expect(page.getByTestId("sts-credentials-banner")).toHaveCount(0);
  await page.getByLabel("PIN (PINCODE)").fill(KIT.pin);
  await page.getByRole("button", { name: "Salva le impostazioni" }).click();
  await expect(page.getByText("Impostazioni salvate. Ora premi «Verifica credenziali».")).toBeVisible();
  await page.getByRole("button", { name: "Verifica credenziali" }).click();
  await expect(page.getByTestId("sts-check-result")).toContainText("L'invio automatico è ripartito.");
  await expect(page.getByTestId("sts-paused-banner")).toHaveCount(0);
  expect(await page.content()).not.toContain(KIT.password);
  await screenshot(page, "sts-settings");
  await page.goto("/");
  await expect(page.getByTestId("sts-credentials-banner")).toHaveCount(0);
});
