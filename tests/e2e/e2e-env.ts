import { tmpdir } from "node:os";
import { join } from "node:path";

// Where the e2e run's Parcella keeps its data: outside the checkout, one folder per port (the config and every
// Playwright worker compute the same path), emptied when the server starts.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_SIMULATOR_PORT = Number(process.env.E2E_SIMULATOR_PORT ?? 3211);
export const E2E_DATA_DIR = join(tmpdir(), `parcella-e2e-${E2E_PORT}`);
export const E2E_DATABASE_URL = `file:${join(E2E_DATA_DIR, "parcella.db")}`;
// The installation's administrator for the run (the status page's test registers it).
export const E2E_ADMIN_EMAIL = "amministrazione@example.test";
