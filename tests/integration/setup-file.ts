import { basename } from "node:path";
import { afterAll, expect, inject } from "vitest";
import { cloneTemplate } from "./databases";
import { closeTestDb } from "./test-db";

// Before each test file (in its own worker): the run's test configuration, and a database of the file's own,
// copied from the run's migrated template (global-setup.ts). Files share no rows, so they may run in parallel.
Object.assign(process.env, inject("testEnv"));
process.env.TEST_DATABASE_URL = await cloneTemplate(
  inject("templateDatabase"),
  basename(expect.getState().testPath ?? "file", ".test.ts"),
);

afterAll(closeTestDb);
