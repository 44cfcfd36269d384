import { describe, expect, it } from "vitest";
import { missingChromium } from "../support/prerequisites";

describe("the test run's prerequisites", () => {
  it("passes when Chromium is where it is looked for", () => {
    expect(missingChromium(process.execPath, false)).toBeNull();
  });

  it("without Chromium at the default place, gives the exact command that installs it", () => {
    const problem = missingChromium("/nonexistent/chromium", false);
    expect(problem).toContain("/nonexistent/chromium");
    expect(problem).toMatch(/^\s+apt-get install -y chromium-headless-shell$/m);
  });

  it("with a CHROMIUM_PATH that leads nowhere, says so", () => {
    expect(missingChromium("/nonexistent/chromium", true)).toBe(
      "Chromium not found at CHROMIUM_PATH=/nonexistent/chromium: point CHROMIUM_PATH at a Chromium binary.",
    );
  });
});
