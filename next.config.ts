import type { NextConfig } from "next";

// The Content-Security-Policy is set per request, with a nonce, by proxy.ts.
const securityHeaders = [
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  // Native or Node-only packages stay outside the server bundle.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "pg",
    "soap",
    "exceljs",
  ],
  poweredByHeader: false,
  // The import page sends the spreadsheet to a server action (lib/services/import/read-table.ts caps it at 10 MB).
  experimental: {
    serverActions: { bodySizeLimit: "10mb" },
    // Turbopack keeps a cache of the build on disk (.next/cache, over 100 MB) so that the next build after a change
    // is quicker. A CI run builds a fresh clone once and throws the cache away: there it only costs the writing.
    turbopackFileSystemCacheForBuild: !process.env.CI,
  },
  // Type checking is its own step (`npm run typecheck`, part of `npm test`), so the build doesn't repeat it.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
