import { constants, createPrivateKey, privateDecrypt, type KeyObject } from "node:crypto";

const keyCache = new Map<string, KeyObject>();

/**
 * Decrypts an STS ciphertext (simulator side). Node 20 refuses PKCS#1 v1.5 in privateDecrypt (CVE-2023-46809),
 * so we decrypt raw (RSA_NO_PADDING) and remove the `00 02 PS 00` prefix ourselves. The scan touches every byte
 * and keeps no early exit, so the time taken does not reveal where the padding went wrong (STACK.md).
 * Whitespace in the base64 and around the plaintext is tolerated, as STS does (docs/STS-PROTOCOL.md §2.2).
 * Throws one generic error for any failure.
 */
export function decryptFromSts(ciphertextBase64: string, privateKeyPem: string): string {
  let key = keyCache.get(privateKeyPem);
  if (!key) {
    key = createPrivateKey(privateKeyPem);
    keyCache.set(privateKeyPem, key);
  }
  const compact = ciphertextBase64.replace(/\s+/g, "");
  const modulusBytes = (key.asymmetricKeyDetails?.modulusLength ?? 1024) / 8;
  const ciphertext = Buffer.from(compact, "base64");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || ciphertext.length !== modulusBytes) {
    throw new Error("ciphertext not decryptable");
  }
  let block: Buffer;
  try {
    block = privateDecrypt({ key, padding: constants.RSA_NO_PADDING }, ciphertext);
  } catch {
    throw new Error("ciphertext not decryptable");
  }
  const separator = findPaddingEnd(block);
  if (separator < 0) throw new Error("ciphertext not decryptable");
  return block
    .subarray(separator + 1)
    .toString("utf8")
    .trim();
}

/** Index of the zero byte that ends PKCS#1 v1.5 type-2 padding, or -1 when the padding is invalid. */
export function findPaddingEnd(block: Uint8Array): number {
  let invalid = (block[0] ?? 1) | ((block[1] ?? 0) ^ 2);
  let separator = 0;
  let seenZero = 0;
  for (let i = 2; i < block.length; i++) {
    const isZero = ((block[i] - 1) >>> 31) & 1; // 1 when block[i] === 0, without branching
    const firstZero = isZero & (seenZero ^ 1);
    separator |= -firstZero & i;
    seenZero |= isZero;
  }
  invalid |= seenZero ^ 1;
  invalid |= separator < 10 ? 1 : 0; // at least 8 bytes of non-zero padding
  return invalid === 0 ? separator : -1;
}
