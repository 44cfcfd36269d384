import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// AES-256-GCM for secrets at rest (STS password and PIN). Format: "v1.<iv>.<tag>.<ciphertext>" (base64url), so the
// scheme can change later. A tampered value or a wrong key fails to decrypt instead of returning garbage.
const VERSION = "v1";

export function sealSecret(plaintext: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [
    VERSION,
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    ciphertext.toString("base64url"),
  ].join(".");
}

export class SecretUnreadableError extends Error {
  constructor() {
    super("The stored secret cannot be decrypted with the configured key");
    this.name = "SecretUnreadableError";
  }
}

export function openSecret(sealed: string, key: Buffer): string {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new SecretUnreadableError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretUnreadableError();
  }
}

/** Opens with the first key that works (key rotation: current key, then the previous one). */
export function openSecretWithAny(sealed: string, keys: Buffer[]): string {
  for (const key of keys) {
    try {
      return openSecret(sealed, key);
    } catch (error) {
      if (!(error instanceof SecretUnreadableError)) throw error;
    }
  }
  throw new SecretUnreadableError();
}
