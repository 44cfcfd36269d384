import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "@playwright/test";

// The e2e run starts two Parcella installations, each with its own data (outside the checkout, one folder per port:
// the config and every Playwright worker compute the same path, emptied when the server starts), worker and
// simulator: one for the tests of practices, which share it, and one for the tests that change what a whole
// installation shares (its encryption certificate, the simulator's keys, the login pacing), which run one at a time
// beside the others instead of after them.
export type E2eInstance = {
  port: number;
  simulatorPort: number;
  origin: string;
  simulatorUrl: string;
  dataDir: string;
  databaseUrl: string;
};

function instance(port: number, simulatorPort: number): E2eInstance {
  const dataDir = join(tmpdir(), `parcella-e2e-${port}`);
  return {
    port,
    simulatorPort,
    origin: `http://localhost:${port}`,
    simulatorUrl: `http://127.0.0.1:${simulatorPort}`,
    dataDir,
    databaseUrl: `file:${join(dataDir, "parcella.db")}`,
  };
}

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_SIMULATOR_PORT = Number(process.env.E2E_SIMULATOR_PORT ?? 3211);
/** The installation of the `practices` project. */
export const PRACTICES = instance(E2E_PORT, E2E_SIMULATOR_PORT);
/** The installation of the `installation` project: the two ports after the simulator's. */
export const INSTALLATION = instance(E2E_SIMULATOR_PORT + 1, E2E_SIMULATOR_PORT + 2);
// The installation's administrator for the run (the status page's test registers it).
export const E2E_ADMIN_EMAIL = "amministrazione@example.test";

/** The installation the running test's project uses (only inside a test or a hook). */
export function e2eInstance(): E2eInstance {
  return test.info().project.name === "installation" ? INSTALLATION : PRACTICES;
}
