-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Invoice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "practitionerId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'invoice',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "year" INTEGER,
    "number" INTEGER,
    "issueDate" TEXT NOT NULL,
    "paymentDate" TEXT,
    "paymentMethod" TEXT,
    "paidInAdvance" BOOLEAN NOT NULL DEFAULT false,
    "opposition" BOOLEAN NOT NULL DEFAULT false,
    "creditedInvoiceId" TEXT,
    "replacesInvoiceId" TEXT,
    "subtotalCents" INTEGER NOT NULL DEFAULT 0,
    "pensionFundCents" INTEGER NOT NULL DEFAULT 0,
    "bolloCents" INTEGER NOT NULL DEFAULT 0,
    "bolloChargedToPatient" BOOLEAN NOT NULL DEFAULT false,
    "totalCents" INTEGER NOT NULL DEFAULT 0,
    "pensionFundRateBp" INTEGER NOT NULL DEFAULT 0,
    "pensionFundLabel" TEXT NOT NULL DEFAULT 'ENPAP',
    "taxRegime" TEXT NOT NULL DEFAULT 'ordinario',
    "bolloPolicy" TEXT NOT NULL DEFAULT 'patient',
    "bolloIdentifier" TEXT,
    "notes" TEXT,
    "patientSnapshot" TEXT,
    "issuerSnapshot" TEXT,
    "contentVersion" INTEGER NOT NULL DEFAULT 0,
    "issuedAt" DATETIME,
    "voidedAt" DATETIME,
    "voidReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "stsRecord" TEXT NOT NULL DEFAULT '{"held":null,"cancelled":[],"phase":"idle","attempt":null}',
    "stsRecordRev" INTEGER NOT NULL DEFAULT 0,
    "stsEverHeld" BOOLEAN NOT NULL DEFAULT false,
    "stsState" TEXT NOT NULL DEFAULT 'not_applicable',
    "stsReason" TEXT,
    CONSTRAINT "Invoice_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Invoice_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Invoice_creditedInvoiceId_fkey" FOREIGN KEY ("creditedInvoiceId") REFERENCES "Invoice" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Invoice_replacesInvoiceId_fkey" FOREIGN KEY ("replacesInvoiceId") REFERENCES "Invoice" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Invoice" ("bolloCents", "bolloChargedToPatient", "bolloIdentifier", "bolloPolicy", "contentVersion", "createdAt", "creditedInvoiceId", "id", "issueDate", "issuedAt", "issuerSnapshot", "kind", "notes", "number", "opposition", "patientId", "patientSnapshot", "paymentDate", "paymentMethod", "pensionFundCents", "pensionFundLabel", "pensionFundRateBp", "practitionerId", "status", "stsReason", "stsRecord", "stsRecordRev", "stsState", "subtotalCents", "taxRegime", "totalCents", "updatedAt", "voidReason", "voidedAt", "year") SELECT "bolloCents", "bolloChargedToPatient", "bolloIdentifier", "bolloPolicy", "contentVersion", "createdAt", "creditedInvoiceId", "id", "issueDate", "issuedAt", "issuerSnapshot", "kind", "notes", "number", "opposition", "patientId", "patientSnapshot", "paymentDate", "paymentMethod", "pensionFundCents", "pensionFundLabel", "pensionFundRateBp", "practitionerId", "status", "stsReason", "stsRecord", "stsRecordRev", "stsState", "subtotalCents", "taxRegime", "totalCents", "updatedAt", "voidReason", "voidedAt", "year" FROM "Invoice";
DROP TABLE "Invoice";
ALTER TABLE "new_Invoice" RENAME TO "Invoice";
CREATE UNIQUE INDEX "Invoice_replacesInvoiceId_key" ON "Invoice"("replacesInvoiceId");
CREATE INDEX "Invoice_practitionerId_issueDate_idx" ON "Invoice"("practitionerId", "issueDate");
CREATE INDEX "Invoice_practitionerId_year_status_idx" ON "Invoice"("practitionerId", "year", "status");
CREATE INDEX "Invoice_practitionerId_stsState_idx" ON "Invoice"("practitionerId", "stsState");
CREATE INDEX "Invoice_patientId_idx" ON "Invoice"("patientId");
CREATE UNIQUE INDEX "Invoice_practitionerId_kind_year_number_key" ON "Invoice"("practitionerId", "kind", "year", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Documents STS already holds or cancelled (their record says so) are exempt from the automatic minimum date.
UPDATE "Invoice" SET "stsEverHeld" = true WHERE "stsRecord" NOT LIKE '{"held":null,"cancelled":[],%';
