import { createHash, createPublicKey } from "node:crypto";
import { STS_CODES } from "../codes";
import { decryptFromSts } from "../crypto/decrypt";
import { romeDay } from "./deadline";
import type { CsvLayout } from "./report-csv";
import { saveState, type SimulatorState, type SimulatorUser } from "./state";

export type SimulatorConfig = {
  users: SimulatorUser[];
  /** Valid-looking CFs that the simulator rejects with S011 anyway. */
  rejectedCfs: string[];
  /** CFs accepted with warning W003 (not in the tax registry). */
  notInRegistryCfs: string[];
  /** Time between upload and the end of processing (stato 0/1 until then). */
  processingDelayMs: number;
  /** Column layout of the report CSVs: "reordered" reverses them and adds an unknown one (docs/STS.md). */
  csvLayout: CsvLayout;
  /**
   * Private keys the simulator decrypts with, tried in order (STS has one; a list lets a test switch the key of a
   * running simulator without a moment where neither the old nor the new certificate works).
   */
  privateKeyPems: string[];
};

export type SimulatorContext = {
  state: SimulatorState;
  config: SimulatorConfig;
  now: () => Date;
  /** Successful decryptions per key (SHA-256 of the public key, as publicKeyFingerprint() gives it). */
  decryptions: Record<string, number>;
  stateFile?: string;
  log: (line: string) => void;
};

export function persist(ctx: SimulatorContext): void {
  saveState(ctx.stateFile, ctx.state);
}

export function decrypt(ctx: SimulatorContext, cipher: string): string {
  for (const key of ctx.config.privateKeyPems) {
    let plain: string;
    try {
      plain = decryptFromSts(cipher, key);
    } catch {
      continue;
    }
    const fingerprint = keyFingerprint(key);
    ctx.decryptions[fingerprint] = (ctx.decryptions[fingerprint] ?? 0) + 1;
    return plain;
  }
  throw new Error("ciphertext not decryptable");
}

const fingerprints = new Map<string, string>();

/** SHA-256 of the public half of a private key, upper-case hex: the same figure the client reports for a certificate. */
export function keyFingerprint(privateKeyPem: string): string {
  let value = fingerprints.get(privateKeyPem);
  if (!value) {
    const der = createPublicKey(privateKeyPem).export({ type: "spki", format: "der" });
    value = createHash("sha256").update(der).digest("hex").toUpperCase();
    fingerprints.set(privateKeyPem, value);
  }
  return value;
}

const ROME_TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Rome",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** "dd-MM-yyyy HH:mm:ss" in Italian time, as in dataAccoglienza / dataInvio (docs/STS-PROTOCOL.md §3.5, §4). */
export function stsTimestamp(date: Date): string {
  const parts = Object.fromEntries(ROME_TIME.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** Test-environment protocollo: "99" + yyMMdd + 9-digit sequence (docs/STS-PROTOCOL.md §3.6). */
export function nextProtocollo(ctx: SimulatorContext): string {
  ctx.state.sequence += 1;
  const day = romeDay(ctx.now()).replace(/-/g, "").slice(2);
  return `99${day}${String(ctx.state.sequence).padStart(9, "0")}`;
}

export function codeDescription(code: string): string {
  return STS_CODES.get(code)?.description ?? code;
}

/** PIN checks shared by every service: 002 undecryptable, 005 inactive, 104 wrong. Null when the PIN is right. */
export function checkPincode(ctx: SimulatorContext, user: SimulatorUser, cipher: string | undefined): string | null {
  let pin: string;
  try {
    pin = decrypt(ctx, cipher ?? "");
  } catch {
    return "002";
  }
  if (user.pinActive === false) return "005";
  return pin === user.pincode ? null : "104";
}
