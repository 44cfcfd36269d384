import { z } from "zod";
import type { DbOrTx } from "../../db";
import { parseEuroToCents } from "../../domain/money";
import { formatLimitBasis } from "../../domain/year-figures";
import { parseInput } from "../../schemas/validation";

const euros = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `Indica ${label}.`)
    .transform((v, ctx) => {
      const parsed = parseEuroToCents(v);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: `${parsed.message}.` });
        return z.NEVER;
      }
      return parsed.value;
    });

export const FiguresSettingsSchema = z
  .object({
    countPension: z.boolean().default(false),
    countBolli: z.boolean().default(false),
    lowerLimit: euros("il primo limite"),
    upperLimit: euros("il secondo limite"),
  })
  .refine((v) => v.upperLimit > v.lowerLimit, {
    path: ["upperLimit"],
    message: "Il limite di uscita immediata deve essere più alto del primo.",
  });

/** Saves what counts toward the forfettario limits and the two limits themselves. */
export async function saveFiguresSettings(options: { db: DbOrTx; practitionerId: string; input: unknown }) {
  const data = parseInput(FiguresSettingsSchema, options.input);
  const values = {
    limitBasis: formatLimitBasis({ pension: data.countPension, bolli: data.countBolli }),
    limitLowerCents: data.lowerLimit,
    limitUpperCents: data.upperLimit,
  };
  await options.db.mailSettings.upsert({
    where: { practitionerId: options.practitionerId },
    create: { practitionerId: options.practitionerId, ...values },
    update: values,
  });
  return { saved: true };
}
