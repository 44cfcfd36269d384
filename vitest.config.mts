import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = { "@": fileURLToPath(new URL(".", import.meta.url)) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: [
            "lib/**/*.test.ts",
            "jobs/**/*.test.ts",
            "scripts/**/*.test.ts",
            "prisma/**/*.test.ts",
            "tests/unit/**/*.test.ts",
          ],
          environment: "node",
          // Property-based tests run hundreds of cases: on a loaded 2-core machine 5 s is too tight.
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // The STS client against the simulator over real HTTP on loopback.
          name: "sts",
          include: ["tests/sts/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // Real databases: TEST_DATABASE=sqlite|postgresql picks one; each run creates and drops its own.
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
