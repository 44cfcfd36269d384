// The encrypted backup file: a fixed header, then AES-256-GCM over the gzipped SQLite database. The header is
// authenticated too, so any changed byte anywhere makes opening fail (that is how the drill spots a damaged copy).
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";

const HEADER = Buffer.from("PARCELLA-BACKUP\u0001", "latin1"); // 16 bytes: name and format version
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function sealBackup(database: Buffer, key: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(HEADER);
  const body = Buffer.concat([cipher.update(gzipSync(database)), cipher.final()]);
  return Buffer.concat([HEADER, iv, cipher.getAuthTag(), body]);
}

export class BackupUnreadableError extends Error {}

export function openBackup(sealed: Buffer, key: Buffer): Buffer {
  if (sealed.length < HEADER.length + IV_BYTES + TAG_BYTES || !sealed.subarray(0, HEADER.length).equals(HEADER)) {
    throw new BackupUnreadableError("non è un backup di Parcella (intestazione mancante o troncata)");
  }
  const iv = sealed.subarray(HEADER.length, HEADER.length + IV_BYTES);
  const tag = sealed.subarray(HEADER.length + IV_BYTES, HEADER.length + IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAAD(HEADER);
  decipher.setAuthTag(tag);
  try {
    const zipped = Buffer.concat([
      decipher.update(sealed.subarray(HEADER.length + IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]);
    return gunzipSync(zipped);
  } catch {
    throw new BackupUnreadableError("il backup è danneggiato oppure la chiave dei backup non è quella giusta");
  }
}

const NAME = /^parcella-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z\.db\.enc$/;

export function backupFileName(at: Date): string {
  return `parcella-${at.toISOString().slice(0, 19).replace(/:/g, "-")}Z.db.enc`;
}

/** The time a backup's name carries, or null for any other file. */
export function backupTime(fileName: string): Date | null {
  const match = NAME.exec(fileName);
  return match ? new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}Z`) : null;
}
