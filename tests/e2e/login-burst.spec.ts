import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { e2eInstance } from "./e2e-env";
import { logout, PASSWORD, registerAndLogin, uniqueEmail } from "./helpers";

// A burst of guesses from outside. It fills the installation's login pacing (lib/auth/login-gate.ts) for a few
// seconds, so that a login of any other test running beside it would be asked to retry: it runs in the project
// "installation", on that project's own Parcella, one test at a time.

test("30 concurrent wrong guesses then the right password: refused, at most 10 password checks", async ({
  page,
  playwright,
}) => {
  const email = uniqueEmail("burst");
  await registerAndLogin(page, "Dott. Bruno Raffica", email);
  await page.goto("/");
  await logout(page);

  const client = await playwright.request.newContext({ baseURL: e2eInstance().origin });
  const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const guesses = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      client.post("/api/auth/callback/credentials", {
        form: { email, password: `indovino-${i}-xyz`, csrfToken, json: "true" },
        maxRedirects: 0,
      }),
    ),
  );
  // No guess got a session (with json=true the answer names where the browser would go: the error page).
  for (const answer of guesses) expect(((await answer.json()) as { url: string }).url).toContain("error=");
  await client.dispose();

  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page.locator(".form-error")).toContainText("Troppi tentativi");
  await expect(page).toHaveURL(/\/login/);

  const sqlite = new Database(e2eInstance().databaseUrl.slice("file:".length), { readonly: true, fileMustExist: true });
  const row = sqlite.prepare('SELECT "checks" FROM "LoginThrottle" WHERE "key" = ?').get(email) as { checks: number };
  sqlite.close();
  // The registration's own login is one check; the burst adds at most FREE_ATTEMPTS (5).
  expect(row.checks).toBeLessThanOrEqual(10);
});
