-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN     "stsRecord" TEXT NOT NULL DEFAULT '{"held":null,"cancelled":[],"phase":"idle","attempt":null}',
ADD COLUMN     "stsRecordRev" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "StsSettings" (
    "practitionerId" TEXT NOT NULL,
    "cfTitolare" TEXT,
    "username" TEXT,
    "passwordEnc" TEXT,
    "passwordSetAt" TIMESTAMP(3),
    "pincodeEnc" TEXT,
    "pincodeSetAt" TIMESTAMP(3),
    "autoSend" BOOLEAN NOT NULL DEFAULT false,
    "autoSendFrom" TEXT,
    "pausedAt" TIMESTAMP(3),
    "pausedReason" TEXT,
    "lastCheckAt" TIMESTAMP(3),
    "lastCheckOk" BOOLEAN,
    "lastCheckMessage" TEXT,
    "passwordValidityDays" INTEGER,
    "lastAutoSlot" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StsSettings_pkey" PRIMARY KEY ("practitionerId")
);

-- CreateTable
CREATE TABLE "StsSubmission" (
    "id" TEXT NOT NULL,
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
    "receiptPdf" BYTEA,
    "errorsCsv" BYTEA,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextPollAt" TIMESTAMP(3),
    "lockedBy" TEXT,
    "lockedUntil" TIMESTAMP(3),
    "slotKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "StsSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StsSubmissionDocument" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "practitionerId" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "identity" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT 'pending',
    "codes" TEXT,

    CONSTRAINT "StsSubmissionDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StsExchange" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT,
    "practitionerId" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "httpStatus" INTEGER,
    "durationMs" INTEGER NOT NULL,
    "request" TEXT NOT NULL,
    "response" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StsExchange_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "StsSettings" ADD CONSTRAINT "StsSettings_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StsSubmission" ADD CONSTRAINT "StsSubmission_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StsSubmissionDocument" ADD CONSTRAINT "StsSubmissionDocument_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "StsSubmission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StsSubmissionDocument" ADD CONSTRAINT "StsSubmissionDocument_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StsExchange" ADD CONSTRAINT "StsExchange_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "StsSubmission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

