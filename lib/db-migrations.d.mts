export type CommittedMigration = { name: string; sql: string; checksum: string };
export type MigrationRow = { migration_name: string; finished_at: unknown; rolled_back_at: unknown };
export function committedMigrations(root: string, provider: "sqlite" | "postgresql"): CommittedMigration[];
export function pendingNames(committed: CommittedMigration[], rows: MigrationRow[]): string[];
export function failedNames(rows: MigrationRow[]): string[];
export function migrateSqlite(root: string, path: string, log?: (line: string) => void): string[];
export function migratePostgresql(root: string, databaseUrl: string, deploy: () => void): Promise<string[]>;
export function pendingSqliteMigrations(root: string, path: string): string[];
