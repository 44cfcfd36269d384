import { expect, test, type Page } from "@playwright/test";
import { E2E_PORT } from "./e2e-env";
import { logout, PASSWORD, registerAndLogin } from "./helpers";

// The front door from outside: where the browser goes after login, and the CSP (the burst of guesses: login-burst.spec.ts).
const ORIGIN = `http://localhost:${E2E_PORT}`;

async function loginWithNext(page: Page, email: string, next: string) {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Accedi" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

test("after login, next leads only to a page of Parcella", async ({ page }) => {
  const email = await registerAndLogin(page, "Dott. Mario Porta");
  for (const next of ["/%5Cevil.example/x", "/%09/evil.example", "//evil.example", "https://evil.example", "/\\evil"]) {
    // A browser without the session cookie (logging out is tested in accounts.spec.ts; a payload may land on
    // Parcella's "not found" page, which has no logout button).
    await page.context().clearCookies();
    await loginWithNext(page, email, next);
    expect(new URL(page.url()).origin, next).toBe(ORIGIN);
  }
});

test("a page asked for without a session is the page shown after login", async ({ page }) => {
  const email = await registerAndLogin(page, "Dott.ssa Lia Ritorno");
  await page.goto("/");
  await logout(page);
  await page.goto("/pazienti?q=rossi");
  await expect(page).toHaveURL(/\/login\?next=%2Fpazienti%3Fq%3Drossi$/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page).toHaveURL(`${ORIGIN}/pazienti?q=rossi`);
  await expect(page.getByRole("heading", { name: "Pazienti" })).toBeVisible();
});

test("scripts run by nonce: the CSP has one and no 'unsafe-inline' for scripts, and every inline script carries it", async ({
  page,
}) => {
  const response = await page.goto("/login");
  const csp = response!.headers()["content-security-policy"]!;
  const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src"))!;
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
  expect(nonce).toBeTruthy();
  expect(scriptSrc).not.toContain("unsafe-inline");
  // A fresh nonce per request.
  const again = (await page.request.get("/login")).headers()["content-security-policy"]!;
  expect(again).not.toContain(`'nonce-${nonce}'`);
  const html = await response!.text();
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)].map((m) => m[0]);
  expect(inline.length).toBeGreaterThan(0);
  for (const tag of inline) expect(tag).toContain(`nonce="${nonce}"`);
  // The page is alive (hydrated): the client-side validation answers without a request.
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page.getByText("Inserisci l'email.")).toBeVisible();
});
