-- CreateTable
CREATE TABLE "StsImportedDocument" (
    "id" TEXT NOT NULL,
    "practitionerId" TEXT NOT NULL,
    "identity" TEXT NOT NULL,
    "issueDate" TEXT NOT NULL,
    "numDocumento" TEXT NOT NULL,
    "paymentDate" TEXT,
    "totals" TEXT NOT NULL,
    "protocollo" TEXT,
    "adoptedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StsImportedDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StsReconciliation" (
    "id" TEXT NOT NULL,
    "practitionerId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL,
    "differences" INTEGER NOT NULL,
    "details" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,

    CONSTRAINT "StsReconciliation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StsImportedDocument_practitionerId_paymentDate_idx" ON "StsImportedDocument"("practitionerId", "paymentDate");

-- CreateIndex
CREATE UNIQUE INDEX "StsImportedDocument_practitionerId_identity_key" ON "StsImportedDocument"("practitionerId", "identity");

-- CreateIndex
CREATE UNIQUE INDEX "StsReconciliation_practitionerId_year_key" ON "StsReconciliation"("practitionerId", "year");

-- AddForeignKey
ALTER TABLE "StsImportedDocument" ADD CONSTRAINT "StsImportedDocument_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StsReconciliation" ADD CONSTRAINT "StsReconciliation_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

