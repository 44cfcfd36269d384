import { constants, createPublicKey, publicEncrypt, type KeyObject } from "node:crypto";

const keyCache = new Map<string, KeyObject>();

function publicKeyOf(certificatePem: string): KeyObject {
  let key = keyCache.get(certificatePem);
  if (!key) {
    key = createPublicKey(certificatePem);
    keyCache.set(certificatePem, key);
  }
  return key;
}

/**
 * Encrypts a pincode or codice fiscale the way STS expects (docs/STS-PROTOCOL.md §2.2): RSA PKCS#1 v1.5 with the
 * SanitelCF public key, base64. With a 1024-bit key the result is 172 characters; it differs at every call (random
 * padding).
 */
export function encryptForSts(plaintext: string, certificatePem: string): string {
  return publicEncrypt(
    { key: publicKeyOf(certificatePem), padding: constants.RSA_PKCS1_PADDING },
    Buffer.from(plaintext, "utf8"),
  ).toString("base64");
}
