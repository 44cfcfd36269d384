import { defineConfig } from "@playwright/test";

// E2E against the production build started by the same launcher as `npm start`, on a fresh data directory,
// in Debian's Chromium (Playwright cannot download browsers here).
const PORT = Number(process.env.E2E_PORT ?? 3210);
const SIMULATOR_PORT = Number(process.env.E2E_SIMULATOR_PORT ?? 3211);
const DATA_DIR = "tests/.artifacts/e2e-data";

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "tests/.artifacts/test-results",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: "chromium",
    locale: "it-IT",
    timezoneId: "Europe/Rome",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    command: `rm -rf ${DATA_DIR} && node node_modules/tsx/dist/cli.mjs scripts/start.ts`,
    url: `http://localhost:${PORT}/login`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      DATA_DIR,
      DATABASE_URL: "",
      STS_ENVIRONMENT: "simulator",
      STS_SIMULATOR_PORT: String(SIMULATOR_PORT),
      STS_SIMULATOR_URL: `http://127.0.0.1:${SIMULATOR_PORT}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
