-- CreateTable
CREATE TABLE "AccountantAccess" (
    "id" TEXT NOT NULL,
    "practitionerId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "accountantId" TEXT,
    "acceptedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountantAccess_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AccountantAccess_tokenHash_key" ON "AccountantAccess"("tokenHash");

-- CreateIndex
CREATE INDEX "AccountantAccess_practitionerId_idx" ON "AccountantAccess"("practitionerId");

-- CreateIndex
CREATE INDEX "AccountantAccess_accountantId_idx" ON "AccountantAccess"("accountantId");

-- AddForeignKey
ALTER TABLE "AccountantAccess" ADD CONSTRAINT "AccountantAccess_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountantAccess" ADD CONSTRAINT "AccountantAccess_accountantId_fkey" FOREIGN KEY ("accountantId") REFERENCES "Practitioner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

