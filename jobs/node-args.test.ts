import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { WORKER_NODE_ARGS } from "./node-args";

describe("worker node arguments", () => {
  it("npm run worker starts Node exactly as npm start and the benchmark do", () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, "..", "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.worker).toBe(`node ${WORKER_NODE_ARGS.join(" ")} jobs/worker.ts`);
  });
});
