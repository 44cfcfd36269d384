import { readFileSync } from "node:fs";
import { join } from "node:path";

let cached: string | null = null;

/** The installed Parcella version (package.json of the folder it runs from). */
export function appVersion(): string {
  if (cached) return cached;
  try {
    const pkg = JSON.parse(readFileSync(join(/*turbopackIgnore: true*/ process.cwd(), "package.json"), "utf8"));
    cached = String(pkg.version ?? "sconosciuta");
  } catch {
    cached = "sconosciuta";
  }
  return cached;
}
