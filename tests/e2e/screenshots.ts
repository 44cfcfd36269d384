import type { Locator, Page } from "@playwright/test";

// Screenshots for people to look at, in tests/.artifacts/screenshots/<name>.png. No test reads them, so they are taken
// only when asked for (`npm run test:screenshots`, which sets E2E_SCREENSHOTS=1): taken in every run, they were a
// measurable part of the browser tests' CPU (docs/TESTING.md has the figures). Every check around them runs either
// way, and a failed test always leaves its own screenshot (playwright.config.ts).
export const TAKE_SCREENSHOTS = process.env.E2E_SCREENSHOTS === "1";

/** The whole page (`fullPage`, the default) or what the viewport shows; a locator's element alone. */
export async function screenshot(target: Page | Locator, name: string, { fullPage = true } = {}) {
  if (!TAKE_SCREENSHOTS) return;
  const path = `tests/.artifacts/screenshots/${name}.png`;
  if ("goto" in target) await target.screenshot({ path, fullPage });
  else await target.screenshot({ path });
}
