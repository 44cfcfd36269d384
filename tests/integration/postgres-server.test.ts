import { existsSync } from "node:fs";
import { createServer } from "node:net";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { postgresForTests } from "../support/postgres-server";
import { testDatabaseProvider, testDatabaseUrl } from "./test-db";

// `npm test` on a machine without PostgreSQL: the suite starts an embedded server for the run instead of failing.
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe.runIf(testDatabaseProvider() === "postgresql")("the tests' PostgreSQL", () => {
  it("uses the configured server when it answers", async () => {
    const admin = new URL(testDatabaseUrl());
    admin.pathname = "/postgres";
    const server = await postgresForTests(admin.toString(), () => {});
    expect(server).toMatchObject({ adminUrl: admin.toString(), embedded: false });
    await server.stop();
    expect(await query(admin.toString(), "SELECT 1 AS one")).toEqual([{ one: 1 }]);
  });

  it("starts an embedded one when nothing answers at the configured address, and removes it after the run", async () => {
    const lines: string[] = [];
    const port = await closedPort();
    const server = await postgresForTests(`postgresql://postgres@127.0.0.1:${port}/postgres`, (l) => lines.push(l));
    try {
      expect(server.embedded).toBe(true);
      expect(lines.join("\n")).toContain(`127.0.0.1:${port}`);
      expect(lines.join("\n")).toContain("starting an embedded one");
      const [{ version }] = await query(server.adminUrl, "SELECT version()");
      expect(version).toMatch(/^PostgreSQL 18\./);
      await query(server.adminUrl, "CREATE DATABASE embedded_probe");
      expect(
        await query(server.adminUrl, "SELECT count(*)::int AS n FROM pg_database WHERE datname = 'embedded_probe'"),
      ).toEqual([{ n: 1 }]);
    } finally {
      await server.stop();
    }
    await expect(query(server.adminUrl, "SELECT 1")).rejects.toThrow(/ECONNREFUSED/);
    expect(server.directory && existsSync(server.directory)).toBe(false);
  });

  it("reports a server that answers but refuses the tests, instead of replacing it", async () => {
    const url = new URL(testDatabaseUrl());
    url.pathname = "/parcella_no_such_database";
    await expect(postgresForTests(url.toString(), () => {})).rejects.toThrow(/refused the tests/);
  });
});
