import { expect, test, type Page } from "@playwright/test";
import { generate } from "otplib";
import { logout, PASSWORD, registerAndLogin } from "./helpers";

// Two-factor authentication through the browser: turned on from Impostazioni with the key the page shows (the
// test is the authenticator app: it computes the codes with otplib), login asking for the code after the password,
// a wrong code refused, a recovery code used once, and turning it off.

// A code of the next 30-second step: the page's own confirmation used the current one, and each step is accepted
// once (a code one step ahead is within the tolerance of a phone's clock).
const nextCode = (secret: string) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });

async function passwordStep(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page.getByLabel("Codice di verifica")).toBeVisible();
}

async function codeStep(page: Page, code: string) {
  await page.getByLabel("Codice di verifica").fill(code);
  await page.getByRole("button", { name: "Verifica e accedi" }).click();
}

test("2FA: turned on with a code, login asks for the code, a wrong code is refused, a recovery code works once", async ({
  page,
}) => {
  test.slow();
  const email = await registerAndLogin(page, "Dott.ssa Elena Doppia");
  await page.goto("/impostazioni");
  await page.getByRole("link", { name: /Sicurezza dell'account/ }).click();
  await page.getByRole("button", { name: "Attiva la verifica in due passaggi" }).click();
  await expect(page.getByRole("img", { name: /Codice QR/ })).toBeVisible();
  const secret = (await page.getByTestId("two-factor-secret").textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

  await page.getByLabel("Codice dell'app").fill("000000");
  await page.getByRole("button", { name: "Conferma e attiva" }).click();
  await expect(page.locator(".field-error")).toContainText("Codice non valido");
  await page.getByLabel("Codice dell'app").fill(await generate({ secret }));
  await page.getByRole("button", { name: "Conferma e attiva" }).click();
  const items = page.getByRole("list", { name: "Codici di recupero" }).getByRole("listitem");
  await expect(items).toHaveCount(10);
  const codes = await items.allTextContents();
  await page.getByRole("button", { name: "Ho salvato i codici" }).click();
  await expect(page.getByText(/Attiva dal/)).toBeVisible();
  await expect(page.getByText(/Codici di recupero ancora validi: 10 su 10/)).toBeVisible();

  // Login: the password alone is not enough; a wrong code is refused; the app's code lets in.
  await logout(page);
  await passwordStep(page, email);
  await expect(page).toHaveURL(/\/login/);
  await codeStep(page, "123456");
  await expect(page.locator(".field-error")).toContainText("Codice di verifica non valido");
  await expect(page).toHaveURL(/\/login/);
  await codeStep(page, await nextCode(secret));
  await expect(page.getByTestId("practitioner-name")).toHaveText("Dott.ssa Elena Doppia");

  // A recovery code instead of the app's: accepted once, then refused.
  await logout(page);
  await passwordStep(page, email);
  await codeStep(page, codes[0]!);
  await expect(page.getByTestId("practitioner-name")).toHaveText("Dott.ssa Elena Doppia");
  await page.goto("/impostazioni/sicurezza");
  await expect(page.getByText(/Codici di recupero ancora validi: 9 su 10/)).toBeVisible();
  await logout(page);
  await passwordStep(page, email);
  await codeStep(page, codes[0]!);
  await expect(page.locator(".field-error")).toContainText("Codice di verifica non valido o già usato");
  await codeStep(page, codes[1]!);
  await expect(page.getByTestId("practitioner-name")).toHaveText("Dott.ssa Elena Doppia");

  // Turned off with the password and a code (a recovery code: the app's next codes were spent above); the next login
  // needs the password only.
  await page.goto("/impostazioni/sicurezza");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Codice di verifica").fill(codes[2]!);
  await page.getByRole("button", { name: "Disattiva la verifica in due passaggi" }).click();
  await expect(page.getByRole("button", { name: "Attiva la verifica in due passaggi" })).toBeVisible();
  await logout(page);
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page.getByTestId("practitioner-name")).toHaveText("Dott.ssa Elena Doppia");
});
