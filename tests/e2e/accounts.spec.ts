import { expect, test } from "@playwright/test";
import { login, logout, PASSWORD, registerAndLogin, registerThroughForm, uniqueEmail } from "./helpers";
import { screenshot } from "./screenshots";

test("a new practitioner registers, sees the empty shell, logs out and logs in again", async ({ page, context }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Accedi" })).toBeVisible();

  const email = await registerThroughForm(page, "Dott.ssa Giulia Bianchi");
  await expect(page.getByRole("heading", { name: /Ti diamo il benvenuto, Dott.ssa Giulia Bianchi/ })).toBeVisible();
  for (const item of ["Fatture", "Pazienti", "Invii STS", "Impostazioni"]) {
    await expect(page.getByRole("navigation").getByRole("link", { name: item })).toBeVisible();
  }
  await screenshot(page, "shell-home");

  const session = (await context.cookies()).find((c) => c.name.includes("next-auth.session-token"));
  expect(session, "session cookie").toBeTruthy();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");

  await logout(page);
  await page.goto("/fatture");
  await expect(page).toHaveURL(/\/login/);

  await login(page, email);
  await expect(page.getByTestId("practitioner-name")).toHaveText("Dott.ssa Giulia Bianchi");
});

test("every page carries the security headers (CSP, no framing, no sniffing)", async ({ request }) => {
  const response = await request.get("/login");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("default-src 'self'");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("a session ended by logout cannot be replayed", async ({ page, browser }) => {
  await registerAndLogin(page, "Dott. Paolo Neri");
  await page.goto("/");
  const stolen = await page.context().cookies();
  await logout(page);
  const other = await browser.newContext();
  await other.addCookies(stolen);
  const replay = await other.newPage();
  await replay.goto("/");
  await expect(replay).toHaveURL(/\/login/);
  await other.close();
});

test("registration shows Italian errors beside the fields and refuses a duplicate email", async ({ page }) => {
  await page.goto("/registrazione");
  await page.getByRole("button", { name: "Crea l'account" }).click();
  await expect(page.locator("#name-error")).toHaveText("Inserisci nome e cognome.");
  await expect(page.locator("#email-error")).toHaveText("Inserisci l'email.");
  await expect(page.locator("#password-error")).toHaveText("La password deve avere almeno 10 caratteri.");

  await page.getByLabel("Email").fill("non-valida");
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Ripeti la password").fill("diversa-da-quella");
  await page.getByRole("button", { name: "Crea l'account" }).click();
  await expect(page.locator("#email-error")).toHaveText("L'email non è valida.");
  await expect(page.locator("#passwordConfirm-error")).toHaveText("Le due password non coincidono.");
  await screenshot(page, "register-errors");

  const email = await registerThroughForm(page, "Dott.ssa Carla Rossi");
  await logout(page);
  await page.goto("/registrazione");
  await page.getByLabel("Nome e cognome").fill("Qualcun Altro");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Ripeti la password").fill(PASSWORD);
  await page.getByRole("button", { name: "Crea l'account" }).click();
  await expect(page.locator("#email-error")).toContainText("Esiste già un account con questa email");
});

test("a failed login does not reveal whether the email exists, and repeated failures are slowed down", async ({
  page,
}) => {
  const email = await registerAndLogin(page, "Dott. Marco Gallo");
  await page.goto("/");
  await logout(page);

  const formError = page.locator(".form-error");
  await login(page, email, "password-sbagliata");
  await expect(formError).toHaveText("Email o password non corretti.");
  await login(page, uniqueEmail("nessuno"), "password-sbagliata");
  await expect(formError).toHaveText("Email o password non corretti.");

  for (let i = 0; i < 4; i++) {
    await login(page, email, "password-sbagliata");
    await expect(formError).toBeVisible();
  }
  await login(page, email, PASSWORD);
  await expect(formError).toContainText("Troppi tentativi non riusciti");
  await expect(page).toHaveURL(/\/login/);
});
