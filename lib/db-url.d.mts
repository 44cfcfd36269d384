export function dataDir(): string;
export function databaseProvider(url?: string): "sqlite" | "postgresql";
export function sqliteUrl(url?: string): string;
