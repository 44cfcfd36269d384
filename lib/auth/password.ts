import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { AppError } from "../app-error";

// scrypt parameters (N=2^15, r=8, p=1 ≈ 32 MiB, ~60 ms here): stored with the hash so they can be raised later.
const PARAMS = { N: 32768, r: 8, p: 1, keyLength: 64 } as const;

function scryptAsync(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, keyLength, { ...options, maxmem: 128 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

// A bound on concurrent password hashing for the whole process: each scrypt holds 32 MiB and a core for ~60 ms, and
// a flood of logins (known or unknown emails alike) must slow the flooder, not the practice. At most
// HASH_CONCURRENCY run at once, HASH_QUEUE more wait their turn, anything beyond is refused at once.
export const HASH_CONCURRENCY = 1;
export const HASH_QUEUE = 3;
export const HASHING_BUSY = "Troppi tentativi di accesso in questo momento: riprova tra poco.";
let running = 0;
let computed = 0;
const waiting: (() => void)[] = [];

// The typical duration of one hash on this machine, now (moving average of the hashes computed): an unknown email
// holds a slot for that long without computing anything (see verifyAgainstNoAccount).
let typicalHashMs = 0;

async function withHashSlot<T>(work: () => Promise<T>, counts = true): Promise<T> {
  if (running >= HASH_CONCURRENCY) {
    if (waiting.length >= HASH_QUEUE) throw new AppError("rate_limited", HASHING_BUSY);
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running++;
  }
  try {
    if (counts) computed++;
    return await work();
  } finally {
    // The slot passes straight to the next in line (running stays the same), or is freed.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

async function timedScrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions) {
  const started = performance.now();
  const key = await scryptAsync(password, salt, keyLength, options);
  const took = performance.now() - started;
  typicalHashMs = typicalHashMs === 0 ? took : 0.8 * typicalHashMs + 0.2 * took;
  return key;
}

/** Hashing in progress and waiting, and the number of hashes computed by this process (tests read them). */
export function hashingLoad() {
  return { running, waiting: waiting.length, computed };
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await withHashSlot(() => timedScrypt(password, salt, PARAMS.keyLength, PARAMS));
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return false;
  const expected = Buffer.from(key, "base64");
  const actual = await withHashSlot(() =>
    timedScrypt(password, Buffer.from(salt, "base64"), expected.length, { N: Number(n), r: Number(r), p: Number(p) }),
  );
  return timingSafeEqual(actual, expected);
}

/**
 * A login for an email without an account: it waits in the same queue as a real check (so it is refused, queued and
 * answered like one) and holds its slot for as long as a hash takes here, but computes nothing. A flood of unknown
 * emails then costs no CPU, while the answer takes the same time as for a known email with a wrong password. Only
 * the first one, before any hash has been timed, computes a real one to learn the duration.
 */
export async function verifyAgainstNoAccount(password: string): Promise<false> {
  if (typicalHashMs === 0) {
    await hashPassword(password); // the same work as a check, with the same parameters
    return false;
  }
  await withHashSlot(() => new Promise((resolve) => setTimeout(resolve, typicalHashMs)), false);
  return false;
}
