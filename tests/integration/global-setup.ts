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

// Once per run and provider (the project's env says which): the test configuration, and one database migrated
// with the committed migrations, which every test file copies (setup-file.ts). Everything lives in a temporary
// folder or database of this run and is removed at the end: nothing is written into the checkout.
export default async function setup(project: TestProject) {
  const provider = project.config.env.TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";
  const dir = mkdtempSync(join(tmpdir(), `parcella-it-${provider}-`));
  project.provide("testEnv", {
    // Secrets the app would otherwise generate into ./data; DATA_DIR for anything else it might write.
    DATA_DIR: join(dir, "data"),
    PARCELLA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    NEXTAUTH_SECRET: randomBytes(48).toString("base64url"),
    STS_ENVIRONMENT: "simulator",
    // A guard against a hung call, not a speed check: with every core busy, an upload through the SOAP client and the
    // simulator (both in the test's own thread) outlived the app's 30 s default once. A file that tests timeouts sets
    // its own, shorter one.
    STS_TIMEOUT_MS: "120000",
  });

  if (provider === "sqlite") {
    project.provide("templateDatabase", createSqliteTemplate(dir));
    return () => rmSync(dir, { recursive: true, force: true });
  }
  const server = await postgresForTests();
  let template: TemplateDatabase | undefined;
  try {
    template = await createPostgresTemplate(server.adminUrl);
  } catch (error) {
    await server.stop();
    throw error;
  }
  project.provide("templateDatabase", template);
  return async () => {
    try {
      if (template.provider === "postgresql") await dropPostgresDatabases(server.adminUrl, template.prefix);
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
