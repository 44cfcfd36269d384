// Coverage guard of the isolation sweep (issue #8): every page, route handler and server action under app/ must
// be in tests/e2e/isolation-table.ts, so that a new one fails here until the sweep replays it with another
// practitioner's session. That every exported server action checks the session is tests/unit/server-actions.test.ts
// (each is built by lib/actions/action.ts, which does it).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { ACTIONS, PLACEHOLDERS, URLS } from "../e2e/isolation-table";

const ROOT = join(__dirname, "../..");

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [relative(ROOT, path).split(sep).join("/")];
  });
}

const files = walk(join(ROOT, "app"));
const pagesAndRoutes = files.filter((f) => /\/(page\.tsx|route\.ts)$/.test(f)).sort();
const actionFiles = files.filter((f) => /\/actions\.ts$/.test(f)).sort();

/** Every exported xxxAction of a file (`export const xxxAction = action(...)`). */
function exportedActions(file: string): { name: string }[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  return [...text.matchAll(/^export\s+const\s+(\w+Action)\b/gm)].map((m) => ({ name: m[1] }));
}

describe("isolation sweep coverage", () => {
  it("finds the app's pages, route handlers and actions (the enumeration itself works)", () => {
    expect(pagesAndRoutes).toContain("app/(app)/fatture/[id]/page.tsx");
    expect(pagesAndRoutes).toContain("app/(app)/invii/[id]/ricevuta/route.ts");
    expect(actionFiles).toContain("app/(app)/fatture/actions.ts");
    expect(exportedActions("app/(app)/fatture/actions.ts").map((a) => a.name)).toContain("voidInvoiceAction");
  });

  it("lists every page and route handler in the sweep's table", () => {
    const listed = new Set(URLS.map((u) => u.file));
    expect(pagesAndRoutes.filter((f) => !listed.has(f))).toEqual([]);
  });

  it("lists no file that no longer exists", () => {
    const existing = new Set(files);
    expect(URLS.map((u) => u.file).filter((f) => !existing.has(f))).toEqual([]);
    expect(ACTIONS.map((a) => a.file).filter((f) => !existing.has(f))).toEqual([]);
  });

  it("replays every route with an id through a placeholder, and uses only known placeholders", () => {
    for (const entry of URLS) {
      const dynamic = /\[[^\]]+\]/.test(entry.file) && entry.outcome !== "public";
      const placeholders = entry.url.match(/\{\w+\}/g) ?? [];
      if (dynamic) expect(placeholders.length, `${entry.file}: ${entry.url}`).toBeGreaterThan(0);
      for (const p of placeholders) expect(PLACEHOLDERS as readonly string[], entry.url).toContain(p);
      if (entry.outcome !== "404" && dynamic)
        expect(entry.note, `${entry.file} is dynamic but not expected to answer 404`).toBeTruthy();
    }
  });

  it("lists every exported server action in the sweep's table, in its own file", () => {
    const found = actionFiles.flatMap((file) => exportedActions(file).map(({ name }) => `${file}#${name}`)).sort();
    const listed = ACTIONS.map((a) => `${a.file}#${a.name}`).sort();
    expect(
      found.filter((f) => !listed.includes(f)),
      "actions missing from the table",
    ).toEqual([]);
    expect(
      listed.filter((l) => !found.includes(l)),
      "table entries without an action",
    ).toEqual([]);
  });
});
