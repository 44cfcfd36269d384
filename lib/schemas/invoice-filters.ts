import { z } from "zod";

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional().catch(undefined);

// The invoice list's query string. Anything unexpected falls back to the default instead of failing the page.
export const InvoiceFiltersSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  status: optionalEnum(["draft", "issued", "void"] as const),
  paid: optionalEnum(["paid", "unpaid"] as const),
  kind: optionalEnum(["invoice", "credit_note"] as const),
  sts: z.string().trim().max(40).optional().catch(undefined),
  sort: z.enum(["date", "number", "total", "patient"]).catch("date"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  size: z.coerce
    .number()
    .pipe(z.union([z.literal(25), z.literal(50), z.literal(100)]))
    .catch(25),
  // A bulk selection (CSV export of the selected rows): at most one page of ids.
  ids: z
    .string()
    .max(2000)
    .transform((v) =>
      v
        .split(",")
        .filter((id) => /^[a-z0-9]{10,40}$/i.test(id))
        .slice(0, 100),
    )
    .optional()
    .catch(undefined),
});
export type InvoiceFilters = z.infer<typeof InvoiceFiltersSchema>;

export function parseInvoiceFilters(params: Record<string, string | string[] | undefined>): InvoiceFilters {
  const flat = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined]),
  );
  return InvoiceFiltersSchema.parse(flat);
}
