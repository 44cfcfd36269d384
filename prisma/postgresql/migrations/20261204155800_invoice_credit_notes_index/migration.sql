-- CreateIndex
-- An invoice's credit notes, read by its page and whenever a credit note is issued against it: without an index each
-- read scanned the whole table. Partial (edited by hand from Prisma's plain index, which the schema declares): only
-- credit notes have the column, and asking for one invoice's credit notes implies it is not null, so both databases
-- use it, and SQLite's statistics of a column that is almost all null cannot make it look useless to the planner.
CREATE INDEX "Invoice_creditedInvoiceId_idx" ON "Invoice"("creditedInvoiceId") WHERE "creditedInvoiceId" IS NOT NULL;
