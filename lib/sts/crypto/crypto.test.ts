import { X509Certificate, constants, publicEncrypt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkCertificateValidity } from "./certificate";
import { SANITELCF_CERT_PEM, SANITELCF_CERT_SHA256 } from "./certs/sanitelcf-2024";
import { SIMULATOR_CERT_PEM, SIMULATOR_PRIVATE_KEY_PEM } from "./certs/simulator-key";
import { decryptFromSts, findPaddingEnd } from "./decrypt";
import { encryptForSts } from "./encrypt";

const SANITELCF_SPKI =
  "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDUH5fHSeuULFBgCEb4jm8kDwNgGAacYFY04pq5/gfQvWFEs+m22b/N2V+XTGG9+vBus7CYb2b6KlWUBqH8+abHPR81zQLWfQammXxUNSSZnXp2q0UrE3T1l7ia5JLQDENdIRKNQctnxtqMtX/d+Inaa8Tr3KMbDurakhfFvTLR7wIDAQAB";

describe("STS field encryption", () => {
  it("produces 172 base64 characters, different at every call, with the real SanitelCF certificate", () => {
    const a = encryptForSts("3489543096", SANITELCF_CERT_PEM);
    const b = encryptForSts("3489543096", SANITELCF_CERT_PEM);
    expect(a).toMatch(/^[A-Za-z0-9+/]{171}=$/);
    expect(a).toHaveLength(172);
    expect(a).not.toBe(b);
  });

  it("the simulator decrypts what the client encrypts, tolerating line breaks and a trailing newline", () => {
    const cipher = encryptForSts("MTOMRA66A41G224M", SIMULATOR_CERT_PEM);
    expect(cipher).toHaveLength(172);
    expect(decryptFromSts(cipher, SIMULATOR_PRIVATE_KEY_PEM)).toBe("MTOMRA66A41G224M");
    expect(decryptFromSts(cipher.replace(/(.{76})/g, "$1\r\n"), SIMULATOR_PRIVATE_KEY_PEM)).toBe("MTOMRA66A41G224M");
    expect(decryptFromSts(encryptForSts("3489543096\n", SIMULATOR_CERT_PEM), SIMULATOR_PRIVATE_KEY_PEM)).toBe(
      "3489543096",
    );
  });

  it("refuses ciphertexts it cannot decrypt: another key, garbage, raw (unpadded) RSA", () => {
    expect(() => decryptFromSts(encryptForSts("x", SANITELCF_CERT_PEM), SIMULATOR_PRIVATE_KEY_PEM)).toThrow(
      "not decryptable",
    );
    expect(() => decryptFromSts("bm90IGEgY2lwaGVydGV4dA==", SIMULATOR_PRIVATE_KEY_PEM)).toThrow("not decryptable");
    const raw = publicEncrypt(
      { key: SIMULATOR_CERT_PEM, padding: constants.RSA_NO_PADDING },
      Buffer.alloc(128, 7),
    ).toString("base64");
    expect(() => decryptFromSts(raw, SIMULATOR_PRIVATE_KEY_PEM)).toThrow("not decryptable");
  });

  it("finds the end of PKCS#1 v1.5 padding only in well-formed blocks", () => {
    const block = Buffer.concat([Buffer.from([0, 2]), Buffer.alloc(8, 0xaa), Buffer.from([0]), Buffer.from("hi")]);
    expect(findPaddingEnd(block)).toBe(10);
    expect(
      findPaddingEnd(Buffer.concat([Buffer.from([0, 2]), Buffer.alloc(7, 0xaa), Buffer.from([0]), Buffer.from("hi")])),
    ).toBe(-1);
    expect(findPaddingEnd(Buffer.concat([Buffer.from([0, 1]), Buffer.alloc(8, 0xaa), Buffer.from([0])]))).toBe(-1);
    expect(findPaddingEnd(Buffer.concat([Buffer.from([0, 2]), Buffer.alloc(20, 0xaa)]))).toBe(-1);
  });
});

describe("certificates", () => {
  it("ships the real SanitelCF certificate: fingerprint, dates, subject and key as in docs/STS-PROTOCOL.md §2.3", () => {
    const cert = new X509Certificate(SANITELCF_CERT_PEM);
    expect(cert.fingerprint256).toBe(SANITELCF_CERT_SHA256);
    expect(cert.subject).toContain("CN=SanitelCF");
    expect(cert.publicKey.export({ type: "spki", format: "der" }).toString("base64")).toBe(SANITELCF_SPKI);
    expect(new X509Certificate(SIMULATOR_CERT_PEM).subject).toContain("CN=SanitelCF simulator");
  });

  it("reports validity and warns 60 days before expiry", () => {
    expect(checkCertificateValidity(SANITELCF_CERT_PEM, new Date("2026-06-01T00:00:00Z"))).toMatchObject({
      status: "valid",
      warning: null,
    });
    const expiring = checkCertificateValidity(SANITELCF_CERT_PEM, new Date("2026-12-01T00:00:00Z"));
    expect(expiring.status).toBe("expiring");
    expect(expiring.daysLeft).toBe(53);
    expect(expiring.warning).toContain("scade il 2027-01-23");
    expect(checkCertificateValidity(SANITELCF_CERT_PEM, new Date("2027-02-01T00:00:00Z")).status).toBe("expired");
    expect(checkCertificateValidity(SANITELCF_CERT_PEM, new Date("2023-01-01T00:00:00Z")).status).toBe("not_yet_valid");
    expect(checkCertificateValidity("not a pem", new Date()).status).toBe("unreadable");
  });
});
