-- CreateIndex
-- The deadline banner's count per payment year (home and the invoice list, on every render: lib/data/sts-payment-years.ts)
-- grouped every open document of the practitioner by the year computed from its dates, sorting them in a temporary
-- B-tree. With this index of the same expression SQLite reads the groups in order (0.6-0.9 ms down to about 0.2 for
-- 1,700 open documents: docs/BENCHMARKS.md, ninth round). Written here by hand: Prisma's schema cannot declare an index
-- on an expression, and the statement must write the expression exactly as this index does (the plan is tested).
CREATE INDEX "Invoice_sts_payment_year_idx" ON "Invoice"("practitionerId", "stsState", SUBSTR(CASE WHEN "kind" = 'credit_note' THEN "issueDate" ELSE COALESCE("paymentDate", "issueDate") END, 1, 4), "status");
