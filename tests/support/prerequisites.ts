// What `npm test` needs from the machine beyond node_modules, checked before anything runs (by run-suite.ts,
// the first step of `npm test`; again by the Playwright config), so that a missing piece stops the run at once with
// the command that fixes it. PostgreSQL is not needed: when none answers, the integration tests start an embedded one
// (postgres-server.ts).
import { existsSync } from "node:fs";

// Debian's `chromium` command is a shell script that adds its desktop defaults, among them GPU rasterization, which
// headless on a machine without a GPU does in software: measured on a 2-core machine, two browser specs took 140 s of
// CPU through the script and 117 s with the binary behind it. The tests start that binary when it is there.
const DEBIAN_BINARY = "/usr/lib/chromium/chromium";
const DEBIAN_COMMAND = "/usr/bin/chromium";

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || (existsSync(DEBIAN_BINARY) ? DEBIAN_BINARY : DEBIAN_COMMAND);
}

/** Why the browser tests cannot run, with the fix; null when Chromium is there. */
export function missingChromium(path = chromiumPath(), chosen = Boolean(process.env.CHROMIUM_PATH)): string | null {
  if (existsSync(path)) return null;
  if (chosen) return `Chromium not found at CHROMIUM_PATH=${path}: point CHROMIUM_PATH at a Chromium binary.`;
  return [
    `Chromium is missing (${path}); the browser tests drive Debian's Chromium. Install it with:`,
    "",
    "  apt-get install -y chromium",
    "",
    "(as root; with sudo otherwise), or set CHROMIUM_PATH to a Chromium binary.",
  ].join("\n");
}
