import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { sqliteUrl } from "./lib/db-url.mjs";

// Prisma CLI configuration for the embedded SQLite database (driver-adapter mode: no native engine download).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/sqlite/schema.prisma",
  migrations: { path: "prisma/sqlite/migrations" },
  adapter: async () => new PrismaBetterSQLite3({ url: sqliteUrl() }),
});
