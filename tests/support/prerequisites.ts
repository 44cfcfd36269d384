// What `npm test` needs from the machine beyond node_modules, checked before anything runs (by run-suite.ts,
// the first step of `npm test`; again by the Playwright config), so that a missing piece stops the run at once with
// the command that fixes it. PostgreSQL is not needed: when none answers, the integration tests start an embedded one
// (postgres-server.ts).
import { existsSync } from "node:fs";

// The browser tests drive Debian's Chromium headless shell (package `chromium-headless-shell`): Chromium's old
// headless mode, a browser without the desktop browser's user interface, the one Playwright itself runs headless
// tests in. It costs about a fifth less CPU than the full Chromium for the same tests (docs/TESTING.md, Figures).
const HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell";

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || HEADLESS_SHELL;
}

/** Why the browser tests cannot run, with the fix; null when Chromium is there. */
export function missingChromium(path = chromiumPath(), chosen = Boolean(process.env.CHROMIUM_PATH)): string | null {
  if (existsSync(path)) return null;
  if (chosen) return `Chromium not found at CHROMIUM_PATH=${path}: point CHROMIUM_PATH at a Chromium binary.`;
  return [
    `Chromium's headless shell is missing (${path}); the browser tests drive Debian's. Install it with:`,
    "",
    "  apt-get install -y chromium-headless-shell",
    "",
    "(as root; with sudo otherwise), or set CHROMIUM_PATH to a Chromium binary.",
  ].join("\n");
}
