import { describe, expect, it } from "vitest";
import { explainTlsError, isTlsErrorCode } from "./tls-errors";

describe("TLS errors, classified and explained", () => {
  it.each([
    ["UNABLE_TO_VERIFY_LEAF_SIGNATURE", "TLS_UNTRUSTED", "STS_CA_FILE"],
    ["SELF_SIGNED_CERT_IN_CHAIN", "TLS_UNTRUSTED", "STS_CA_FILE"],
    ["UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "TLS_UNTRUSTED", "autorità"],
    ["CERT_HAS_EXPIRED", "TLS_EXPIRED", "data e ora"],
    ["CERT_NOT_YET_VALID", "TLS_EXPIRED", "data e ora"],
    ["ERR_TLS_CERT_ALTNAME_INVALID", "TLS_HOSTNAME", "indirizzo"],
    ["ERR_SSL_WRONG_VERSION_NUMBER", "TLS_HANDSHAKE", "proxy"],
    ["EPROTO", "TLS_HANDSHAKE", "proxy"],
  ])("%s → %s", (nodeCode, code, hint) => {
    expect(isTlsErrorCode(nodeCode)).toBe(true);
    const problem = explainTlsError(nodeCode);
    expect(problem.code).toBe(code);
    expect(problem.message).toContain(nodeCode);
    expect(problem.message).toContain(hint);
  });

  it("leaves plain network errors alone", () => {
    for (const code of ["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "ENOTFOUND"])
      expect(isTlsErrorCode(code)).toBe(false);
  });
});
