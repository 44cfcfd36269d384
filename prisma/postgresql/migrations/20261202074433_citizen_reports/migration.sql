-- CreateTable
CREATE TABLE "StsCitizenReport" (
    "id" TEXT NOT NULL,
    "practitionerId" TEXT NOT NULL,
    "invoiceId" TEXT,
    "identity" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "reportedOn" TEXT,
    "text" TEXT,
    "detail" TEXT NOT NULL,
    "extra" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "handledAt" TIMESTAMP(3),

    CONSTRAINT "StsCitizenReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StsCitizenReportFetch" (
    "practitionerId" TEXT NOT NULL,
    "fetchedThrough" TEXT NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL,
    "lastError" TEXT,

    CONSTRAINT "StsCitizenReportFetch_pkey" PRIMARY KEY ("practitionerId")
);

-- CreateIndex
CREATE INDEX "StsCitizenReport_practitionerId_handledAt_idx" ON "StsCitizenReport"("practitionerId", "handledAt");

-- CreateIndex
CREATE INDEX "StsCitizenReport_invoiceId_idx" ON "StsCitizenReport"("invoiceId");

-- CreateIndex
CREATE UNIQUE INDEX "StsCitizenReport_practitionerId_fingerprint_key" ON "StsCitizenReport"("practitionerId", "fingerprint");

-- AddForeignKey
ALTER TABLE "StsCitizenReport" ADD CONSTRAINT "StsCitizenReport_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StsCitizenReport" ADD CONSTRAINT "StsCitizenReport_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StsCitizenReportFetch" ADD CONSTRAINT "StsCitizenReportFetch_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

