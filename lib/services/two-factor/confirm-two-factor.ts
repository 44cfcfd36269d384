import { AppError } from "../../app-error";
import type { Db } from "../../db";
import { openSecretWithAny } from "../../crypto/secret-box";
import { decryptionKeys } from "../../env";
import { hashRecoveryCode, newRecoveryCodes } from "../../auth/recovery-codes";
import { checkTotp } from "../../auth/totp";
import { enableTwoFactor, findTwoFactor } from "../../data/two-factor";
import { ConfirmTwoFactorSchema } from "../../schemas/two-factor";
import { parseInput } from "../../schemas/validation";

const wrongCode = () =>
  new AppError("validation", "Controlla il codice.", {
    code: ["Codice non valido: controlla l'ora del telefono e inserisci il codice che l'app mostra adesso."],
  });

// The first code from the app turns two-factor authentication on, and gives the recovery codes: returned once, here,
// and stored only as hashes.
export async function confirmTwoFactor(options: {
  db: Db;
  practitionerId: string;
  input: unknown;
  now?: Date;
}): Promise<{ recoveryCodes: string[] }> {
  const { db, practitionerId } = options;
  const now = options.now ?? new Date();
  const { code } = parseInput(ConfirmTwoFactorSchema, options.input);
  const pending = await findTwoFactor(db, practitionerId);
  if (!pending) throw new AppError("conflict", "Riparti dal codice QR: la configurazione non è stata avviata.");
  if (pending.enabledAt) throw new AppError("conflict", "La verifica in due passaggi è già attiva.");
  const step = await checkTotp({ secret: openSecretWithAny(pending.secretEnc, decryptionKeys()), code, now });
  if (step === null) throw wrongCode();
  const recoveryCodes = newRecoveryCodes();
  const enabled = await db.$transaction((tx) =>
    enableTwoFactor(tx, {
      practitionerId,
      secretEnc: pending.secretEnc,
      step,
      now,
      codeHashes: recoveryCodes.map(hashRecoveryCode),
    }),
  );
  if (!enabled) throw new AppError("conflict", "La configurazione è cambiata nel frattempo: ricarica la pagina.");
  return { recoveryCodes };
}
