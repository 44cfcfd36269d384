import { z } from "zod";

// Shared by the forms (client-side hints) and the server actions (the real check).
export const EmailSchema = z
  .string({ error: "Inserisci l'email." })
  .trim()
  .toLowerCase()
  .min(1, "Inserisci l'email.")
  .max(254, "L'email è troppo lunga.")
  .pipe(z.email("L'email non è valida."));

export const RegisterSchema = z
  .object({
    name: z
      .string({ error: "Inserisci nome e cognome." })
      .trim()
      .min(2, "Inserisci nome e cognome.")
      .max(120, "Il nome è troppo lungo (massimo 120 caratteri)."),
    email: EmailSchema,
    password: z
      .string({ error: "Scegli una password." })
      .min(10, "La password deve avere almeno 10 caratteri.")
      .max(200, "La password è troppo lunga (massimo 200 caratteri)."),
    passwordConfirm: z.string({ error: "Ripeti la password." }),
  })
  .refine((v) => v.password === v.passwordConfirm, {
    path: ["passwordConfirm"],
    message: "Le due password non coincidono.",
  });
export type Register = z.infer<typeof RegisterSchema>;

export const LoginSchema = z.object({
  email: EmailSchema,
  password: z.string({ error: "Inserisci la password." }).min(1, "Inserisci la password.").max(200),
});
export type Login = z.infer<typeof LoginSchema>;
