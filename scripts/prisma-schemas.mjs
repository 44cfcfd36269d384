// Renders prisma/schema.source.prisma into one schema per provider. `--check` exits 1 when a committed
// provider schema differs from what the source renders (the drift check used by the test suite).
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const PROVIDERS = ["sqlite", "postgresql"];

export function renderSchema(source, provider) {
  const header = `// GENERATED from prisma/schema.source.prisma by scripts/prisma-schemas.mjs — do not edit.\n`;
  return header + source.replaceAll("{{provider}}", provider);
}

export function schemaPath(provider) {
  return join(root, "prisma", provider, "schema.prisma");
}

function main() {
  const check = process.argv.includes("--check");
  const source = readFileSync(join(root, "prisma", "schema.source.prisma"), "utf8");
  let drift = false;
  for (const provider of PROVIDERS) {
    const path = schemaPath(provider);
    const wanted = renderSchema(source, provider);
    const current = existsSync(path) ? readFileSync(path, "utf8") : null;
    if (current === wanted) continue;
    if (check) {
      console.error(`${path} differs from prisma/schema.source.prisma: run npm run db:schemas`);
      drift = true;
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, wanted);
      console.log(`wrote ${path}`);
    }
  }
  if (drift) process.exit(1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
