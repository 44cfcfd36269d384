-- DropIndex
DROP INDEX "Invoice_practitionerId_stsState_idx";

-- CreateIndex
CREATE INDEX "Invoice_sts_open_idx" ON "Invoice"("practitionerId", "stsState", "issueDate", "kind", "status", "paymentDate", "stsEverHeld", "replacesInvoiceId");

