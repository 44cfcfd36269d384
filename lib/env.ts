import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import { dataDir, databaseProvider, ensureDataDir } from "./db-url.mjs";

// The only reader of process.env. Every variable is documented in .env.example and the README.

const timeout = z.coerce.number().int().min(1000).max(600_000).optional();

const EnvSchema = z.object({
  DATABASE_URL: z.string().trim().optional(),
  DATA_DIR: z.string().trim().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // The address the web app listens on: this computer only, unless opened on purpose (README, "From a phone").
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  // Built-in HTTPS (README, "From a phone"): a certificate and its key (PEM files) the user provides; HTTPS then
  // listens on HOST:TLS_PORT and the plain web app on 127.0.0.1 only.
  TLS_CERT_FILE: z.string().trim().min(1).optional(),
  TLS_KEY_FILE: z.string().trim().min(1).optional(),
  TLS_PORT: z.coerce.number().int().min(1).max(65535).default(3443),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET deve avere almeno 32 caratteri").optional(),
  PARCELLA_ENCRYPTION_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, "PARCELLA_ENCRYPTION_KEY deve essere 32 byte in base64")
    .optional(),
  // Key rotation (docs/RELIABILITY.md): the key being replaced, accepted only to decrypt until `npm run rotate-key`
  // has re-sealed every secret with PARCELLA_ENCRYPTION_KEY.
  PARCELLA_ENCRYPTION_KEY_PREVIOUS: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, "PARCELLA_ENCRYPTION_KEY_PREVIOUS deve essere 32 byte in base64")
    .optional(),
  PG_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // The hand-written statements as named prepared statements, once per connection (lib/data/direct-sql.ts); off for a
  // connection pooler that does not keep them per server connection (PgBouncer before 1.21 in transaction mode).
  PG_PREPARED_STATEMENTS: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  STS_ENVIRONMENT: z.enum(["simulator", "test", "production"]).default("simulator"),
  STS_SIMULATOR_URL: z.string().url().default("http://127.0.0.1:3100"),
  STS_SIMULATOR_PORT: z.coerce.number().int().min(1).max(65535).default(3100),
  // Timeouts of the calls toward STS (docs/STS.md, "Timeouts"): STS_TIMEOUT_MS for every operation without its own.
  STS_TIMEOUT_MS: timeout,
  STS_TIMEOUT_UPLOAD_MS: timeout,
  STS_TIMEOUT_OUTCOME_MS: timeout,
  STS_TIMEOUT_RECEIPTS_MS: timeout,
  STS_TIMEOUT_DOCUMENT_MS: timeout,
  STS_TIMEOUT_QUERY_MS: timeout,
  STS_TIMEOUT_CHECK_MS: timeout,
  // A file with the encryption certificate, for deployments that manage files; it wins over the installed one.
  STS_CERTIFICATE_FILE: z.string().trim().min(1).optional(),
  // Extra certification authorities (PEM) to trust for STS calls, e.g. the test environment's private CA.
  STS_CA_FILE: z.string().trim().min(1).optional(),
  STS_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(4),
  STS_PASSWORD_VALIDITY_DAYS: z.coerce.number().int().min(1).max(365).default(60),
  // The installation's administrator (status page): this account, else the first one registered.
  ADMIN_EMAIL: z.string().trim().toLowerCase().email().optional(),
  // Automatic encrypted backups of the SQLite database (README, "Backups"): folder (another disk or a mounted share
  // is best), key (32 bytes in base64; else generated once into DATA_DIR/backup-key, never into the backup folder).
  BACKUP_DIR: z.string().trim().min(1).optional(),
  BACKUP_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, "BACKUP_KEY deve essere 32 byte in base64")
    .optional(),
  BACKUP_ENABLED: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  // Requests per client address (docs/RELIABILITY.md, "The front door"): logins per 15 minutes, registrations per
  // hour. Raise them only where many people share one address (the browser tests all come from 127.0.0.1).
  LOGIN_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(30),
  REGISTRATION_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(10),
  // Outgoing e-mail for the whole installation (README, "E-mail"): smtp://user:pass@host:587 (STARTTLS when the
  // server offers it) or smtps://…:465; the sender address of messages sent through it. A practitioner's own SMTP
  // settings win over it; with neither, messages stay in the app's outbox.
  SMTP_URL: z
    .string()
    .trim()
    .regex(/^smtps?:\/\//, "SMTP_URL deve iniziare con smtp:// o smtps://")
    .optional(),
  SMTP_FROM: z.string().trim().email("SMTP_FROM deve essere un indirizzo e-mail").optional(),
  // The installation's administrator must turn two-factor authentication on (and cannot turn it off).
  ADMIN_REQUIRE_2FA: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  WORKER_ENABLED: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  // Web processes `npm start` runs on its one port (scripts/web-cluster.ts): one is enough for a practice; a
  // machine serving many practitioners gives one per core.
  WEB_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
});

export type Env = z.infer<typeof EnvSchema> & {
  dataDir: string;
  databaseProvider: "sqlite" | "postgresql";
};

let cached: Env | null = null;

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Configurazione non valida: ${problems}`);
  }
  cached = { ...parsed.data, dataDir: dataDir(), databaseProvider: databaseProvider(parsed.data.DATABASE_URL) };
  return cached;
}

/** Forget the configuration read, so that the next env() reads the environment again (tests that share a process). */
export function forgetEnv(): void {
  cached = null;
}

// Zero configuration for one practitioner: a secret not given by the environment is generated once into the
// data directory (mode 0600) and reused by every later start, web and worker alike.
function persistentSecret(fileName: string, generate: () => string): string {
  const dir = env().dataDir;
  const path = join(dir, fileName);
  if (!existsSync(path)) {
    ensureDataDir(dir);
    // `wx` fails if another process created it first; then we read theirs.
    try {
      writeFileSync(path, generate(), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  chmodSync(path, 0o600);
  return readFileSync(path, "utf8").trim();
}

export function sessionSecret(): string {
  return env().NEXTAUTH_SECRET ?? persistentSecret("session-secret", () => randomBytes(48).toString("base64url"));
}

export function encryptionKey(): Buffer {
  const value =
    env().PARCELLA_ENCRYPTION_KEY ?? persistentSecret("encryption-key", () => randomBytes(32).toString("base64"));
  const key = Buffer.from(value, "base64");
  if (key.length !== 32) throw new Error("La chiave di cifratura deve essere di 32 byte");
  return key;
}

// Keys that may open a stored secret: the current one first, then the one being rotated out (if any).
export function decryptionKeys(): Buffer[] {
  const previous = env().PARCELLA_ENCRYPTION_KEY_PREVIOUS;
  return previous ? [encryptionKey(), Buffer.from(previous, "base64")] : [encryptionKey()];
}

export function backupDir(): string {
  return resolve(/*turbopackIgnore: true*/ env().BACKUP_DIR ?? join(env().dataDir, "backups"));
}

/** Where the backup key lives when BACKUP_KEY is not set: the data folder, apart from the backups themselves. */
export function backupKeyFile(): string | null {
  return env().BACKUP_KEY ? null : join(env().dataDir, "backup-key");
}

export function backupKey(): Buffer {
  const value = env().BACKUP_KEY ?? persistentSecret("backup-key", () => randomBytes(32).toString("base64"));
  return Buffer.from(value, "base64");
}
