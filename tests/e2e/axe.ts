import { readFileSync } from "node:fs";
import { expect, type Page } from "@playwright/test";
import type { AxeResults } from "axe-core";

// axe-core's own script, evaluated in the page (past its Content-Security-Policy, as the browser's tools are).
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * The accessibility violations axe-core finds in the page as it is now, every default rule run, each as one line
 * (rule, impact, help, the elements' selectors): an empty list is a pass.
 *
 * axe runs in the page itself, injected once per document. The usual Playwright wrapper (@axe-core/playwright)
 * injects it twice, then merges the results in a blank page of its own, opened and closed for every check: 1.5–2.5 s
 * of the machine's CPU per check against 0.5–0.7 s this way (docs/TESTING.md). The merge is for pages with frames;
 * Parcella's have none, and a page with one is refused here rather than half checked.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  expect(page.frames(), "axe checks pages without frames").toHaveLength(1);
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (options: object) => Promise<AxeResults> } }).axe;
    const results = await axe.run({ resultTypes: ["violations"] });
    return results.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
  });
}
