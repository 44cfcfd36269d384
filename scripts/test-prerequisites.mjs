// What `npm test` needs from the machine beyond node_modules, checked before anything runs so that a missing piece
// stops the run at once with the command that fixes it. PostgreSQL is not needed: when none answers, the
// integration tests start an embedded one (tests/support/postgres-server.ts).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export function chromiumPath() {
  return process.env.CHROMIUM_PATH || "/usr/bin/chromium";
}

/** Why the browser tests cannot run, with the fix; null when Chromium is there. */
export function missingChromium() {
  const path = chromiumPath();
  if (existsSync(path)) return null;
  if (process.env.CHROMIUM_PATH)
    return `Chromium not found at CHROMIUM_PATH=${path}: point CHROMIUM_PATH at a Chromium binary.`;
  return [
    `Chromium is missing (${path}); the browser tests drive Debian's Chromium. Install it with:`,
    "",
    "  apt-get install -y chromium",
    "",
    "(as root; with sudo otherwise), or set CHROMIUM_PATH to a Chromium binary.",
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problem = missingChromium();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
