-- CreateTable
CREATE TABLE "AccountantAccess" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "practitionerId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "accountantId" TEXT,
    "acceptedAt" DATETIME,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AccountantAccess_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AccountantAccess_accountantId_fkey" FOREIGN KEY ("accountantId") REFERENCES "Practitioner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "AccountantAccess_tokenHash_key" ON "AccountantAccess"("tokenHash");

-- CreateIndex
CREATE INDEX "AccountantAccess_practitionerId_idx" ON "AccountantAccess"("practitionerId");

-- CreateIndex
CREATE INDEX "AccountantAccess_accountantId_idx" ON "AccountantAccess"("accountantId");

