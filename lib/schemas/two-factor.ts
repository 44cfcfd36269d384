import { z } from "zod";

// Shared by the login form, the security page's forms and the services.
export const TWO_FACTOR_REQUIRED = "Inserisci il codice di verifica dell'app di autenticazione.";
export const INVALID_SECOND_FACTOR = "Codice di verifica non valido o già usato.";

const Code = z
  .string({ error: "Inserisci il codice." })
  .trim()
  .min(1, "Inserisci il codice.")
  .max(40, "Il codice è troppo lungo.");

/** The optional code sent with email and password at login. */
export const LoginCodeSchema = z.object({ code: z.string().trim().max(40).optional() });

export const ConfirmTwoFactorSchema = z.object({
  code: Code.regex(/^\d{3}\s?\d{3}$/, "Il codice è di 6 cifre: lo trovi nell'app di autenticazione."),
});
export type ConfirmTwoFactor = z.infer<typeof ConfirmTwoFactorSchema>;

export const DisableTwoFactorSchema = z.object({
  password: z.string({ error: "Inserisci la password." }).min(1, "Inserisci la password.").max(200),
  code: Code,
});
export type DisableTwoFactor = z.infer<typeof DisableTwoFactorSchema>;
