import { basename } from "node:path";
import { afterAll, expect, inject } from "vitest";
import { forgetEnv } from "../../lib/env";
import { forgetStsCertificate } from "../../lib/services/sts/sts-certificate";
import { cloneTemplate } from "./databases";
import { closeTestDb } from "./test-db";

// Before each test file: the run's test configuration, and a database of the file's own, copied from the run's
// migrated template (global-setup.ts). Files share no rows, so they may run in parallel.
//
// Files run one after another in a shared worker thread (`isolate: false` in vitest.config.mts), with the modules
// already loaded: each starts from the environment the worker started with plus the run's configuration, nothing
// left of the variables a previous file set, and with what the app read from them forgotten.
const worker = globalThis as { parcellaWorkerEnv?: NodeJS.ProcessEnv };
worker.parcellaWorkerEnv ??= { ...process.env };
for (const key of Object.keys(process.env)) if (!(key in worker.parcellaWorkerEnv)) delete process.env[key];
Object.assign(process.env, worker.parcellaWorkerEnv, inject("testEnv"));
forgetEnv();
forgetStsCertificate();

process.env.TEST_DATABASE_URL = await cloneTemplate(
  inject("templateDatabase"),
  basename(expect.getState().testPath ?? "file", ".test.ts"),
);

afterAll(closeTestDb);
