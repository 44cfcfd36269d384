-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN     "paidInAdvance" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "replacesInvoiceId" TEXT,
ADD COLUMN     "stsEverHeld" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_replacesInvoiceId_key" ON "Invoice"("replacesInvoiceId");

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_replacesInvoiceId_fkey" FOREIGN KEY ("replacesInvoiceId") REFERENCES "Invoice"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Documents STS already holds or cancelled (their record says so) are exempt from the automatic minimum date.
UPDATE "Invoice" SET "stsEverHeld" = true WHERE "stsRecord" NOT LIKE '{"held":null,"cancelled":[],%';
