import { expect, type Page } from "@playwright/test";

export const PASSWORD = "password-e2e-sicura";

export function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.test`;
}

export async function registerAndLogin(page: Page, name: string, email = uniqueEmail("user")) {
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
  // Logging out navigates twice: the server action's refresh finds no session (a soft move to /login, with ?next= unless
  // the page was the home), then next-auth's sign-out loads /login as a new document. Done once that document has
  // loaded, so that the test's next page.goto is not cut short by it: waiting for the URL alone is not enough, the soft
  // move from the home already shows /login.
  const signedOut = page.waitForResponse(
    (r) => new URL(r.url()).pathname === "/api/auth/signout" && r.request().method() === "POST",
  );
  await page.getByRole("button", { name: "Esci" }).click();
  await signedOut;
  // Listened for only now: next-auth asks for the document once the sign-out has answered, never before.
  await page.waitForResponse((r) => {
    const url = new URL(r.url());
    return r.request().isNavigationRequest() && url.pathname === "/login" && url.search === "";
  });
  await page.waitForURL((url) => url.pathname === "/login" && url.search === "", { waitUntil: "load" });
  await page.waitForLoadState("networkidle");
}
