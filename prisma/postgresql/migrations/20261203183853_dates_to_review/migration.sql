-- AlterTable
ALTER TABLE "Practitioner" ADD COLUMN "datesToReview" BOOLEAN NOT NULL DEFAULT false;

-- Practitioners with documents saved before the date rules whose dates the rules refuse (the invoice list's dates
-- banner, lib/data/invoices.ts): a future invoice or payment date, or an invoice paid before its date without the
-- advance-payment choice. "Today" is taken a day early, so that no time zone leaves one out.
UPDATE "Practitioner" SET "datesToReview" = TRUE WHERE "id" IN (
  SELECT "practitionerId" FROM "Invoice" WHERE "status" IN ('draft', 'issued')
    AND ("issueDate" > to_char(CURRENT_DATE - 1, 'YYYY-MM-DD')
      OR ("kind" = 'invoice' AND "paymentDate" > to_char(CURRENT_DATE - 1, 'YYYY-MM-DD'))
      OR ("kind" = 'invoice' AND "paidInAdvance" = FALSE AND "paymentDate" < "issueDate"))
);
