import { z } from "zod";
import { TIPI_SPESA } from "../types";

const DocumentIdSchema = z.object({
  pIva: z.string(),
  dataEmissione: z.string(),
  dispositivo: z.number().int().default(1),
  numDocumento: z.string(),
});

/** JSON accepted by `sts build-file` (documented with an example in docs/STS.md). */
export const BuildFileInputSchema = z.object({
  fileName: z.string().optional(),
  owner: z.object({
    cfProprietario: z.string(),
    codiceRegione: z.string().optional(),
    codiceAsl: z.string().optional(),
    codiceSSA: z.string().optional(),
  }),
  documents: z
    .array(
      z.object({
        operation: z.enum(["I", "V", "R", "C"]),
        id: DocumentIdSchema,
        refundOf: DocumentIdSchema.optional(),
        dataPagamento: z.string(),
        flagPagamentoAnticipato: z.boolean().optional(),
        cfCittadino: z.string().optional(),
        pagamentoTracciato: z.enum(["SI", "NO"]).optional(),
        tipoDocumento: z.enum(["F", "D"]),
        flagOpposizione: z.boolean().default(false),
        items: z
          .array(
            z.object({
              tipoSpesa: z.enum(TIPI_SPESA as [string, ...string[]]).transform((v) => v as (typeof TIPI_SPESA)[number]),
              flagTipoSpesa: z.enum(["1", "2"]).optional(),
              amountCents: z.number().int(),
              naturaIVA: z.string().optional(),
              aliquotaIVA: z.string().optional(),
            }),
          )
          .min(1),
      }),
    )
    .min(1),
});

export type BuildFileInput = z.infer<typeof BuildFileInputSchema>;
