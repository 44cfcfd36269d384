import { fileURLToPath } from "node:url";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const alias = { "@": fileURLToPath(new URL(".", import.meta.url)) };

// Real databases: one project per provider, each with a migrated template that every test file copies
// (tests/integration/global-setup.ts), so files run in parallel. `npm test` runs both; TEST_DATABASE=sqlite or
// postgresql keeps the single project "integration" on that database (for one file: `TEST_DATABASE=sqlite
// npx vitest run --project integration tests/integration/x.test.ts`).

// Files whose subject is not the database run on the embedded default only: the transport faults of the SOAP
// calls, the CLI's certificate and diagnosis steps, PDF/ZIP export, mail, two-factor codes and the demo seed. What
// they store goes through the same data functions that the other files exercise on both databases; the database
// steps of a send (kill at every step) stay on both (reliability-crashes). Everything else runs on both.
const SQLITE_ONLY = [
  "reliability-faults",
  "reliability-reissue-faults",
  "sts-cli",
  "export",
  "mail",
  "mail-installation-smtp",
  "two-factor",
  "two-factor-required",
  "seed",
].map((name) => `tests/integration/${name}.test.ts`);

// Files that replace modules with vi.mock need a module registry of their own: they run in a project whose files
// each get a fresh worker. Every other file shares its worker with the files before it (`isolate: false`): Prisma's
// runtime, the drivers and the app's modules load once per worker, not once per file; setup-file.ts gives each file
// the run's environment again and forgets what the app cached from the previous one.
const OWN_MODULES = ["isolation-actions-accountant"].map((name) => `tests/integration/${name}.test.ts`);

function integration(
  name: string,
  provider: "sqlite" | "postgresql",
  files: "shared" | "own-modules" | "all",
): TestProjectInlineConfiguration {
  const skipped = provider === "postgresql" && files !== "all" ? SQLITE_ONLY : [];
  return {
    resolve: { alias },
    test: {
      name,
      include: files === "own-modules" ? OWN_MODULES : ["tests/integration/**/*.test.ts"],
      // With TEST_DATABASE set, a file named on the command line runs on that database whatever it is.
      exclude: files === "shared" ? [...skipped, ...OWN_MODULES] : skipped,
      isolate: files !== "shared",
      environment: "node",
      env: { TEST_DATABASE: provider, STS_ENVIRONMENT: "simulator" },
      globalSetup: ["tests/integration/global-setup.ts"],
      setupFiles: ["tests/integration/setup-file.ts"],
      // A guard against hangs, not a speed check: a test that writes 60 invoices one by one takes over a minute
      // when the machine's cores are busy with other work.
      testTimeout: 180_000,
      hookTimeout: 180_000,
    },
  };
}

const only = process.env.TEST_DATABASE;
if (only && only !== "sqlite" && only !== "postgresql") throw new Error("TEST_DATABASE must be sqlite or postgresql");
const integrationProjects = only
  ? [integration("integration", only, "all")]
  : (["sqlite", "postgresql"] as const).flatMap((provider) => [
      integration(`integration-${provider}`, provider, "shared"),
      integration(`integration-${provider}-own-modules`, provider, "own-modules"),
    ]);

export default defineConfig({
  resolve: { alias },
  test: {
    // Worker threads start faster than child processes.
    pool: "threads",
    // The suites wait on sockets and databases as much as they compute: a few files at once keep both cores of a
    // small machine busy (vitest's default on 2 cores is one file at a time).
    maxWorkers: 3,
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: [
            "lib/**/*.test.ts",
            "components/**/*.test.ts",
            "jobs/**/*.test.ts",
            "scripts/**/*.test.ts",
            "prisma/**/*.test.ts",
            "tests/unit/**/*.test.ts",
          ],
          environment: "node",
          // Files share their worker, with the modules already loaded: none replaces modules or leaves timers faked.
          isolate: false,
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
          isolate: false,
          testTimeout: 30_000,
        },
      },
      ...integrationProjects,
    ],
  },
});
