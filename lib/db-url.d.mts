export function dataDir(): string;
export function databaseProvider(url?: string): "sqlite" | "postgresql";
export function sqliteUrl(url?: string): string;
export function ensureDataDir(dir?: string): string;
export function restrictSqliteFiles(path: string): void;
