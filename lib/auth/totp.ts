import { generateSecret, generateURI, verify } from "otplib";

// TOTP (RFC 6238) as every authenticator app does it: SHA-1, 6 digits, 30 s. One step either side is accepted (a
// phone's clock a little off, a code typed as it changes); a code whose step is not after the last one accepted is
// refused, so a code seen over someone's shoulder cannot be used again. Time comes in as an argument.
const TOLERANCE_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: "Parcella", label: account, secret });
}

/** The time step the code belongs to when it is valid (and after `afterStep`), else null. */
export async function checkTotp(options: {
  secret: string;
  code: string;
  now: Date;
  afterStep?: number | null;
}): Promise<number | null> {
  const code = options.code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret: options.secret,
    token: code,
    epoch: Math.floor(options.now.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(options.afterStep != null ? { afterTimeStep: options.afterStep } : {}),
  }).catch(() => null);
  return result?.valid && "timeStep" in result ? result.timeStep : null;
}
