-- CreateTable
CREATE TABLE "StsSettings" (
    "practitionerId" TEXT NOT NULL PRIMARY KEY,
    "cfTitolare" TEXT,
    "username" TEXT,
    "passwordEnc" TEXT,
    "passwordSetAt" DATETIME,
    "pincodeEnc" TEXT,
    "pincodeSetAt" DATETIME,
    "autoSend" BOOLEAN NOT NULL DEFAULT false,
    "autoSendFrom" TEXT,
    "pausedAt" DATETIME,
    "pausedReason" TEXT,
    "lastCheckAt" DATETIME,
    "lastCheckOk" BOOLEAN,
    "lastCheckMessage" TEXT,
    "passwordValidityDays" INTEGER,
    "lastAutoSlot" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "StsSettings_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StsSubmission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "practitionerId" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "outcome" TEXT,
    "fileName" TEXT,
    "protocollo" TEXT,
    "acceptedAt" TEXT,
    "documentCount" INTEGER NOT NULL,
    "nInviati" INTEGER,
    "nAccolti" INTEGER,
    "nWarnings" INTEGER,
    "nErrori" INTEGER,
    "stato" INTEGER,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "receiptPdf" BLOB,
    "errorsCsv" BLOB,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextPollAt" DATETIME,
    "lockedBy" TEXT,
    "lockedUntil" DATETIME,
    "slotKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "completedAt" DATETIME,
    CONSTRAINT "StsSubmission_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StsSubmissionDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "submissionId" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "practitionerId" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "identity" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT 'pending',
    "codes" TEXT,
    CONSTRAINT "StsSubmissionDocument_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "StsSubmission" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StsSubmissionDocument_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StsExchange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "submissionId" TEXT,
    "practitionerId" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "httpStatus" INTEGER,
    "durationMs" INTEGER NOT NULL,
    "request" TEXT NOT NULL,
    "response" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StsExchange_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "StsSubmission" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

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
    "opposition" BOOLEAN NOT NULL DEFAULT false,
    "creditedInvoiceId" TEXT,
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
    "stsState" TEXT NOT NULL DEFAULT 'not_applicable',
    "stsReason" TEXT,
    CONSTRAINT "Invoice_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Invoice_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Invoice_creditedInvoiceId_fkey" FOREIGN KEY ("creditedInvoiceId") REFERENCES "Invoice" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Invoice" ("bolloCents", "bolloChargedToPatient", "bolloIdentifier", "bolloPolicy", "contentVersion", "createdAt", "creditedInvoiceId", "id", "issueDate", "issuedAt", "issuerSnapshot", "kind", "notes", "number", "opposition", "patientId", "patientSnapshot", "paymentDate", "paymentMethod", "pensionFundCents", "pensionFundLabel", "pensionFundRateBp", "practitionerId", "status", "stsReason", "stsState", "subtotalCents", "taxRegime", "totalCents", "updatedAt", "voidReason", "voidedAt", "year") SELECT "bolloCents", "bolloChargedToPatient", "bolloIdentifier", "bolloPolicy", "contentVersion", "createdAt", "creditedInvoiceId", "id", "issueDate", "issuedAt", "issuerSnapshot", "kind", "notes", "number", "opposition", "patientId", "patientSnapshot", "paymentDate", "paymentMethod", "pensionFundCents", "pensionFundLabel", "pensionFundRateBp", "practitionerId", "status", "stsReason", "stsState", "subtotalCents", "taxRegime", "totalCents", "updatedAt", "voidReason", "voidedAt", "year" FROM "Invoice";
DROP TABLE "Invoice";
ALTER TABLE "new_Invoice" RENAME TO "Invoice";
CREATE INDEX "Invoice_practitionerId_issueDate_idx" ON "Invoice"("practitionerId", "issueDate");
CREATE INDEX "Invoice_practitionerId_year_status_idx" ON "Invoice"("practitionerId", "year", "status");
CREATE INDEX "Invoice_practitionerId_stsState_idx" ON "Invoice"("practitionerId", "stsState");
CREATE INDEX "Invoice_patientId_idx" ON "Invoice"("patientId");
CREATE UNIQUE INDEX "Invoice_practitionerId_kind_year_number_key" ON "Invoice"("practitionerId", "kind", "year", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "StsSubmission_slotKey_key" ON "StsSubmission"("slotKey");

-- CreateIndex
CREATE INDEX "StsSubmission_practitionerId_createdAt_idx" ON "StsSubmission"("practitionerId", "createdAt");

-- CreateIndex
CREATE INDEX "StsSubmission_status_nextPollAt_idx" ON "StsSubmission"("status", "nextPollAt");

-- CreateIndex
CREATE INDEX "StsSubmissionDocument_submissionId_idx" ON "StsSubmissionDocument"("submissionId");

-- CreateIndex
CREATE INDEX "StsSubmissionDocument_invoiceId_idx" ON "StsSubmissionDocument"("invoiceId");

-- CreateIndex
CREATE INDEX "StsExchange_submissionId_idx" ON "StsExchange"("submissionId");

-- CreateIndex
CREATE INDEX "StsExchange_practitionerId_createdAt_idx" ON "StsExchange"("practitionerId", "createdAt");

