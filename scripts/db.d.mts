export function migrate(databaseUrl?: string): void;
export function snapshotPath(provider: "sqlite" | "postgresql"): string;
