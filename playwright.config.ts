import { availableParallelism } from "node:os";
import { defineConfig } from "@playwright/test";
import { chromiumPath, missingChromium } from "./tests/support/prerequisites";
import { E2E_ADMIN_EMAIL, INSTALLATION, PRACTICES, type E2eInstance } from "./tests/e2e/e2e-env";

// E2E against the production build started by the same launcher as `npm start`, on fresh data directories
// (outside the checkout), in Debian's Chromium (Playwright cannot download browsers here).
const INSTALLATION_WIDE = /(sts-certificate|login-burst)\.spec\.ts$/;

const chromiumProblem = missingChromium();
if (chromiumProblem) throw new Error(chromiumProblem);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "tests/.artifacts/test-results",
  // Guards against hangs, not speed checks. The browser part is bound by CPU, most of it Chromium's
  // (docs/TESTING.md), so with both cores also busy with other work a test that registers, seeds and browses takes
  // minutes.
  timeout: 300_000,
  expect: { timeout: 30_000 },
  // Every test registers practitioners of its own, and the STS data of each carries its own P.IVA and codici
  // fiscali: tests share the server, the worker and the simulator but no data, so they run side by side.
  fullyParallel: true,
  // One test more than cores (at least three): a test spends part of its time waiting on the server, the worker or the
  // simulator, and a third test fills that time on a 2-core machine (docs/TESTING.md has the runs). Four at once kept
  // the machine 98 % busy and mostly stretched each test toward its guard. E2E_WORKERS overrides.
  workers: Number(process.env.E2E_WORKERS ?? Math.max(3, availableParallelism() + 1)),
  retries: 0,
  reporter: [["list"]],
  projects: [
    // Tests that change what every practitioner of an installation shares (the encryption certificate, the simulator's
    // keys, the installation-wide pause after a 002, the login pacing a burst of guesses fills) run on a Parcella of
    // their own, one at a time, beside the others: no other test sends while STS "changed its key" or logs in while
    // the logins are paced. Listed first, so that they start at once rather than after the practices' tests.
    {
      name: "installation",
      testMatch: INSTALLATION_WIDE,
      fullyParallel: false,
      workers: 1,
      use: { baseURL: INSTALLATION.origin },
    },
    { name: "practices", testIgnore: INSTALLATION_WIDE, use: { baseURL: PRACTICES.origin } },
  ],
  use: {
    browserName: "chromium",
    locale: "it-IT",
    timezoneId: "Europe/Rome",
    screenshot: "only-on-failure",
    // No trace by default: a trace is recorded for every test in case it fails, and recording the DOM at each step
    // cost the browser and the runner about an eighth of the browser part's CPU (docs/TESTING.md). A failed test
    // still leaves its screenshot and the page's accessibility snapshot (error-context.md); E2E_TRACE=1 records the
    // traces, kept for failed tests only (`npx playwright show-trace <zip>`).
    trace: process.env.E2E_TRACE ? { mode: "retain-on-failure", screenshots: false } : "off",
    launchOptions: {
      executablePath: chromiumPath(),
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
  // The two installations (tests/e2e/e2e-env.ts), started one after the other: the first start builds the app if its
  // sources changed, the second finds the build made.
  webServer: [webServer(PRACTICES), webServer(INSTALLATION)],
});

function webServer(instance: E2eInstance) {
  return {
    command: `rm -rf ${instance.dataDir} && node --import tsx scripts/start.ts`,
    url: `${instance.origin}/login`,
    // The first start builds the app: minutes on a busy 2-core machine.
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
    env: {
      PORT: String(instance.port),
      DATA_DIR: instance.dataDir,
      DATABASE_URL: "",
      STS_ENVIRONMENT: "simulator",
      STS_SIMULATOR_PORT: String(instance.simulatorPort),
      STS_SIMULATOR_URL: instance.simulatorUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      ADMIN_EMAIL: E2E_ADMIN_EMAIL,
      // Every test's browser comes from 127.0.0.1: the per-address limits would count the whole suite as one
      // client. They are tested on their own (tests/integration/login-throttle.test.ts, registration.test.ts).
      LOGIN_LIMIT_PER_ADDRESS: "100000",
      REGISTRATION_LIMIT_PER_ADDRESS: "100000",
    },
  };
}
