import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openSecret, sealSecret, SecretUnreadableError } from "./secret-box";

const key = randomBytes(32);

describe("secret box", () => {
  it("round-trips and never contains the plaintext", () => {
    const sealed = sealSecret("Salve123", key);
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain("Salve123");
    expect(openSecret(sealed, key)).toBe("Salve123");
  });

  it("uses a fresh IV every time", () => {
    expect(sealSecret("3489543096", key)).not.toBe(sealSecret("3489543096", key));
  });

  it("refuses a wrong key and a tampered value", () => {
    const sealed = sealSecret("3489543096", key);
    expect(() => openSecret(sealed, randomBytes(32))).toThrow(SecretUnreadableError);
    const parts = sealed.split(".");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(() => openSecret(parts.join("."), key)).toThrow(SecretUnreadableError);
    expect(() => openSecret("plain", key)).toThrow(SecretUnreadableError);
  });
});
