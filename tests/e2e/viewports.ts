import { expect, type Page } from "@playwright/test";
import { screenshot } from "./screenshots";

export const VIEWPORTS = [
  { width: 1366, height: 900 },
  { width: 390, height: 844 },
] as const;

/**
 * The current page at the desktop and the phone width, checking at each that nothing scrolls sideways, with a
 * full-page screenshot of each when screenshots are asked for (tests/.artifacts/screenshots/<name>-<width>.png,
 * ./screenshots.ts); the viewport is restored afterwards.
 */
export async function screenshotBothWidths(page: Page, name: string) {
  const original = page.viewportSize();
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} at ${viewport.width}px scrolls sideways`).toBeLessThanOrEqual(0);
    await screenshot(page, `${name}-${viewport.width}`);
  }
  if (original) await page.setViewportSize(original);
}
