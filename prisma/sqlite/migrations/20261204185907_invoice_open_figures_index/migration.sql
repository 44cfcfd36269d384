-- CreateIndex
-- Home's figures on every visit (the unpaid invoices and their total, the drafts, the month sums by payment date)
-- read every row of the practitioner's history: with this index each reads only its own range of it, from the index.
CREATE INDEX "Invoice_open_figures_idx" ON "Invoice"("practitionerId", "status", "paymentDate", "kind", "totalCents");

