import { describe, expect, it } from "vitest";
import type { StsFailure } from "../../sts/client/classify";
import { mayHaveReachedSts } from "./failure-policy";

const f = (kind: StsFailure["kind"], code: string | null): StsFailure => ({
  kind,
  code,
  message: "",
  info: null,
  exchanges: [],
});

describe("mayHaveReachedSts", () => {
  it.each([
    [f("transient", "TIMEOUT"), true],
    [f("transient", "ECONNRESET"), true],
    [f("transient", "MALFORMED"), true],
    [f("transient", "HTTP500"), true],
    [f("transient", "SOAP_FAULT"), true],
    [f("transient", null), true],
    [f("transient", "ECONNREFUSED"), false],
    [f("credentials", "AUTH"), false],
    [f("credentials", "104"), false],
    [f("permanent", "102"), false],
    [f("transient", "200"), false],
  ])("%o → %s", (failure, expected) => {
    expect(mayHaveReachedSts(failure)).toBe(expected);
  });
});
