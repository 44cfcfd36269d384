-- CreateTable
CREATE TABLE "StsCitizenReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "practitionerId" TEXT NOT NULL,
    "invoiceId" TEXT,
    "identity" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "reportedOn" TEXT,
    "text" TEXT,
    "detail" TEXT NOT NULL,
    "extra" TEXT NOT NULL,
    "fetchedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "handledAt" DATETIME,
    CONSTRAINT "StsCitizenReport_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StsCitizenReport_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StsCitizenReportFetch" (
    "practitionerId" TEXT NOT NULL PRIMARY KEY,
    "fetchedThrough" TEXT NOT NULL,
    "checkedAt" DATETIME NOT NULL,
    "lastError" TEXT,
    CONSTRAINT "StsCitizenReportFetch_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "StsCitizenReport_practitionerId_handledAt_idx" ON "StsCitizenReport"("practitionerId", "handledAt");

-- CreateIndex
CREATE INDEX "StsCitizenReport_invoiceId_idx" ON "StsCitizenReport"("invoiceId");

-- CreateIndex
CREATE UNIQUE INDEX "StsCitizenReport_practitionerId_fingerprint_key" ON "StsCitizenReport"("practitionerId", "fingerprint");

