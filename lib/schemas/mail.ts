import { z } from "zod";

// One definition of a valid address for every form that sends to a patient, and for the settings.
export const EmailAddress = z
  .string({ error: "Indica l'indirizzo e-mail." })
  .trim()
  .min(1, "Indica l'indirizzo e-mail.")
  .max(254, "Indirizzo e-mail troppo lungo.")
  .pipe(z.email("Indirizzo e-mail non valido: controlla che sia scritto per intero (nome@dominio.it)."));

export const SendToSchema = z.object({ to: EmailAddress });
export type SendTo = z.infer<typeof SendToSchema>;
