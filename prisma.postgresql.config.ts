import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// Prisma CLI configuration for PostgreSQL (driver-adapter mode; the adapter is patched by patches/, see README).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/postgresql/schema.prisma",
  migrations: { path: "prisma/postgresql/migrations" },
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }),
});
