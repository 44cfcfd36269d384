import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderSchema, schemaPath, PROVIDERS } from "../../scripts/prisma-schemas.mjs";
import { snapshotPath } from "../../scripts/db.mjs";

const root = join(import.meta.dirname, "..", "..");
const source = readFileSync(join(root, "prisma", "schema.source.prisma"), "utf8");

describe("Prisma schemas", () => {
  it.each(PROVIDERS)("the committed %s schema is the rendering of the source of truth", (provider) => {
    expect(readFileSync(schemaPath(provider), "utf8")).toBe(renderSchema(source, provider));
  });

  it.each(PROVIDERS)(
    "the %s migrations produce the current schema (no change left without a migration)",
    (provider) => {
      expect(readFileSync(snapshotPath(provider as "sqlite" | "postgresql"), "utf8")).toBe(
        renderSchema(source, provider),
      );
    },
  );

  it("the drift check command fails on a difference", () => {
    expect(() =>
      execFileSync(process.execPath, [join(root, "scripts", "prisma-schemas.mjs"), "--check"]),
    ).not.toThrow();
  });
});
