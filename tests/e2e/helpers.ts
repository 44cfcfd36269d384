import { expect, type Page } from "@playwright/test";
import { seedPractitioner } from "./seed";

export const PASSWORD = "password-e2e-sicura";

export function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.test`;
}

/**
 * A new practitioner, logged in in the page's browser context, without loading a form: written by the seed server as
 * the registration form's service writes one, and logged in through next-auth's endpoints, as the login form does.
 * The page stays where it was (blank, for a new one): the test opens the page it needs. Through the forms, each of
 * the suite's ~70 practitioners cost two page loads, two server actions and two password hashes; the forms
 * themselves are tested by accounts.spec.ts, which registers through the form (`registerThroughForm`).
 */
export async function registerAndLogin(page: Page, name: string, email = uniqueEmail("user")) {
  await seedPractitioner(email, { name, password: PASSWORD });
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: PASSWORD, json: "true" },
    maxRedirects: 0,
  });
  const { url } = (await callback.json()) as { url: string };
  expect(new URL(url).searchParams.get("error"), `login of ${email}`).toBeNull();
  const session = await page.request.get("/api/auth/session");
  expect(((await session.json()) as { user?: { email?: string } }).user?.email).toBe(email);
  return email;
}

/** Registration through the form, as a user does: it ends on the home page, logged in. */
export async function registerThroughForm(page: Page, name: string, email = uniqueEmail("user")) {
  await page.goto("/registrazione");
  await page.getByLabel("Nome e cognome").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Ripeti la password").fill(PASSWORD);
  await page.getByRole("button", { name: "Crea l'account" }).click();
  await expect(page.getByTestId("practitioner-name")).toHaveText(name);
  return email;
}

export async function login(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  // Wait for the server's answer, so that each attempt is counted before the next one starts.
  const answered = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
  await page.getByRole("button", { name: "Accedi" }).click();
  await answered;
}

export async function logout(page: Page) {
  // Logging out moves the page more than once: the server action's refresh finds no session (a move to /login, with
  // ?next= unless the page was the home, which the router may finish as a full load), then next-auth's sign-out loads
  // /login. Neither can be waited for reliably by URL or by one response (the order varies with the machine's load).
  // Instead, once the sign-out has answered, load /login ourselves until one load completes without being cut short:
  // the old page, whose scripts start those moves, is gone once a new one has loaded.
  const signedOut = page.waitForResponse(
    (r) => new URL(r.url()).pathname === "/api/auth/signout" && r.request().method() === "POST",
  );
  await page.getByRole("button", { name: "Esci" }).click();
  await signedOut;
  await expect(async () => {
    await page.goto("/login");
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole("heading", { name: "Accedi" })).toBeVisible();
}
