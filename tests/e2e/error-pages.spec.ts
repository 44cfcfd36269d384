import { expect, test } from "@playwright/test";
import { registerAndLogin } from "./helpers";
import { corruptStsRecord, seedInvoice, seedPatient, seedProfile } from "./seed";
import { screenshot } from "./screenshots";

const WIDTHS = [
  { name: "desktop", width: 1366, height: 900 },
  { name: "mobile", width: 390, height: 844 },
];

test("an unexpected failure shows the Italian error page inside the shell: a way back, no technical detail", async ({
  page,
}) => {
  const email = await registerAndLogin(page, "Dott.ssa Errore Imprevisto");
  await seedProfile(email);
  const patient = await seedPatient(email, { firstName: "Lucia", lastName: "Ferri" });
  const invoice = await seedInvoice(email, { patientId: patient.id, issueDate: "2026-03-10" });
  await corruptStsRecord(email, invoice.id);

  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    await page.goto(`/fatture/${invoice.id}`);
    const error = page.getByTestId("page-error");
    await expect(error.getByRole("heading", { name: "Qualcosa è andato storto" })).toBeVisible();
    await expect(error).toContainText("Non siamo riusciti a mostrare questa pagina.");
    // The shell stays: the menu and the account are still there.
    await expect(page.getByTestId("practitioner-name")).toHaveText("Dott.ssa Errore Imprevisto");
    // Nothing technical reaches the page: neither the error's text nor a stack.
    const text = await page.locator("body").innerText();
    for (const leak of ["JSON", "SyntaxError", "stsRecord", "node_modules", "    at "])
      expect(text).not.toContain(leak);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
    await screenshot(page, `error-page-${size.name}`);
  }

  // "Riprova" asks the server again (the data is still damaged, so the page explains again).
  await page.getByRole("button", { name: "Riprova" }).click();
  await expect(page.getByRole("heading", { name: "Qualcosa è andato storto" })).toBeVisible();
  // The way back, by keyboard.
  await page.getByRole("link", { name: "Torna alla home" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: /Ti diamo il benvenuto/ })).toBeVisible();
});

test("a page waiting for its data shows the loading placeholder inside the shell", async ({ page }) => {
  await registerAndLogin(page, "Dott. Attesa Caricamento");
  const isPrefetch = (headers: Record<string, string>) =>
    Boolean(headers["next-router-prefetch"] || headers["next-router-segment-prefetch"]);
  // Hold the server's answer to the navigation (not the prefetches) until the placeholder has been seen.
  let release = () => {};
  await page.route(
    (url) => url.pathname === "/invii",
    async (route) => {
      const headers = route.request().headers();
      if (headers["rsc"] && !isPrefetch(headers)) await new Promise<void>((resolve) => (release = resolve));
      await route.continue();
    },
  );
  // The placeholder comes with the link's prefetch, as it does for a user who clicks once the page has settled: the
  // router asks for the route's tree, then for the segments up to the loading boundary, a stream it stops reading
  // once it has what it needs (the request never "finishes"). Click once that answer has begun; on a machine too busy
  // for the stream to have reached the boundary by then, start over from a fresh page.
  const loading = page.getByTestId("page-loading");
  await expect(async () => {
    release();
    const prefetched = page.waitForResponse((r) => {
      const headers = r.request().headers();
      return (
        new URL(r.url()).pathname === "/invii" &&
        isPrefetch(headers) &&
        headers["next-router-segment-prefetch"] !== "/_tree"
      );
    });
    await page.goto("/");
    const link = page.getByRole("navigation").getByRole("link", { name: "Invii STS" });
    await link.hover();
    await prefetched;
    await link.click();
    await expect(loading).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByRole("status").filter({ hasText: "Caricamento in corso…" })).toBeAttached();
  await expect(page.getByTestId("practitioner-name")).toHaveText("Dott. Attesa Caricamento");
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    await screenshot(page, `page-loading-${size.name}`);
  }
  release();
  await expect(page.getByRole("heading", { name: "Invii STS" })).toBeVisible();
  await expect(loading).toHaveCount(0);
});
