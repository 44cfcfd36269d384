import { describe, expect, it } from "vitest";
import { INVOICE_STATUSES } from "../domain/invoice-kind";
import { SUBMISSION_OUTCOMES } from "../domain/sts/submission";
import { invoiceKindAndStatus, oneOf, oneOfOrNull } from "./narrow";

describe("the narrowing of stored statuses and kinds", () => {
  it.each(INVOICE_STATUSES)("keeps the known value %s", (status) => {
    expect(oneOf(INVOICE_STATUSES, status, "Invoice.status")).toBe(status);
  });

  it.each(["", "Issued", "voided", "draft "])("refuses the unknown value %j, naming the column", (value) => {
    expect(() => oneOf(INVOICE_STATUSES, value, "Invoice.status")).toThrow(
      `Unknown value ${JSON.stringify(value)} in Invoice.status.`,
    );
  });

  it("lets an empty column through as null, and checks a filled one", () => {
    expect(oneOfOrNull(SUBMISSION_OUTCOMES, null, "StsSubmission.outcome")).toBeNull();
    expect(oneOfOrNull(SUBMISSION_OUTCOMES, "rejected", "StsSubmission.outcome")).toBe("rejected");
    expect(() => oneOfOrNull(SUBMISSION_OUTCOMES, "pending", "StsSubmission.outcome")).toThrow(/StsSubmission.outcome/);
  });

  it("narrows a row's kind and status and keeps its other fields", () => {
    const row = { id: "c1", kind: "credit_note", status: "issued", number: 3 };
    expect(invoiceKindAndStatus(row)).toEqual(row);
    expect(() => invoiceKindAndStatus({ ...row, kind: "receipt" })).toThrow(/Invoice.kind/);
  });
});
