import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { postgresForTests } from "../support/postgres-server";
import {
  createPostgresTemplate,
  createSqliteTemplate,
  dropPostgresDatabases,
  type TemplateDatabase,
} from "./databases";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: TemplateDatabase;
    /** Environment every integration test file starts from (applied by setup-file.ts). */
    testEnv: Record<string, string>;
  }
}

type Prepared = { testEnv: Record<string, string>; template: TemplateDatabase; teardown: () => Promise<void> };

// The provider's preparation, shared by its projects (vitest runs this file once per project, each time as a module
// of its own): the first project prepares, the last one to finish tears down.
const shared = globalThis as { parcellaTestSetups?: Map<string, { ready: Promise<Prepared>; users: number }> };

// Once per run and provider (the project's env says which): the test configuration, and one database migrated
// with the committed migrations, which every test file copies (setup-file.ts). Everything lives in a temporary
// folder or database of this run and is removed at the end: nothing is written into the checkout.
export default async function setup(project: TestProject) {
  const provider = project.config.env.TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";
  const setups = (shared.parcellaTestSetups ??= new Map());
  let entry = setups.get(provider);
  if (!entry) {
    entry = { ready: prepare(provider), users: 0 };
    setups.set(provider, entry);
  }
  entry.users += 1;
  const prepared = await entry.ready;
  project.provide("testEnv", prepared.testEnv);
  project.provide("templateDatabase", prepared.template);
  const current = entry;
  return async () => {
    current.users -= 1;
    if (current.users > 0) return;
    setups.delete(provider);
    await prepared.teardown();
  };
}

async function prepare(provider: "sqlite" | "postgresql"): Promise<Prepared> {
  const dir = mkdtempSync(join(tmpdir(), `parcella-it-${provider}-`));
  const testEnv = {
    // Secrets the app would otherwise generate into ./data; DATA_DIR for anything else it might write.
    DATA_DIR: join(dir, "data"),
    PARCELLA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    NEXTAUTH_SECRET: randomBytes(48).toString("base64url"),
    STS_ENVIRONMENT: "simulator",
    // A guard against a hung call, not a speed check: with every core busy, an upload through the SOAP client and the
    // simulator (both in the test's own thread) outlived the app's 30 s default once. A file that tests timeouts sets
    // its own, shorter one.
    STS_TIMEOUT_MS: "120000",
  };
  const removeDir = async () => rmSync(dir, { recursive: true, force: true });

  if (provider === "sqlite") return { testEnv, template: createSqliteTemplate(dir), teardown: removeDir };
  const server = await postgresForTests();
  let template: TemplateDatabase;
  try {
    template = await createPostgresTemplate(server.adminUrl);
  } catch (error) {
    await server.stop();
    await removeDir();
    throw error;
  }
  const teardown = async () => {
    try {
      if (template.provider === "postgresql") await dropPostgresDatabases(server.adminUrl, template.prefix);
    } finally {
      await server.stop();
      await removeDir();
    }
  };
  return { testEnv, template, teardown };
}
