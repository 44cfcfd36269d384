// Benchmark 3: the invoice list's server-side data work (what app/(app)/fatture/(elenco)/page.tsx awaits: findInvoicePage +
// invoiceYears) for one practitioner with many invoices, compared with hand-written SQL for the same page, measured
// interleaved in the same process so the ratio is not skewed by machine load.
import { createDb, type Db } from "../lib/db";
import { findInvoicePage, invoiceYears, PAGE_SIZE } from "../lib/data/invoice-list";
import { parseInvoiceFilters } from "../lib/schemas/invoice-filters";
import type { DatabaseFactory, Provider } from "./lib/databases";
import { quantile } from "./lib/stats";
import { listPlan, seedBulk } from "./seed-bulk";

export type ListCase = {
  provider: Provider;
  dataset: string;
  page: string;
  rows: number;
  total: number;
  pageP50: number;
  pageP95: number;
  dataP50: number;
  dataP95: number;
  rawP50: number;
  rawP95: number;
  ratio: number;
};

const COLUMNS = `i."id", i."kind", i."status", i."year", i."number", i."issueDate", i."paymentDate", i."paymentMethod", i."totalCents",
  i."subtotalCents", i."pensionFundCents", i."bolloCents", i."stsState", i."stsReason",
  p."id" AS "patientId", p."kind" AS "patientKind", p."firstName", p."lastName", p."companyName", p."codiceFiscale"`;

/** The same page as findInvoicePage, written by hand: rows (LIMIT 25) and the count, in parallel as the app does. */
function rawPage(
  db: Db,
  provider: Provider,
  practitionerId: string,
  filter: { year?: number; sts?: string; q?: string },
) {
  const params: unknown[] = [practitionerId];
  const p = (value: unknown) => {
    params.push(value);
    return provider === "postgresql" ? `$${params.length}` : "?";
  };
  let where = `i."practitionerId" = ${provider === "postgresql" ? "$1" : "?"}`;
  if (filter.year) where += ` AND i."year" = ${p(filter.year)}`;
  if (filter.sts) where += ` AND i."stsState" = ${p(filter.sts)}`;
  if (filter.q) where += ` AND p."searchText" LIKE ${p(`%${filter.q}%`)}`;
  const order = `ORDER BY i."issueDate" DESC, i."number" DESC, i."createdAt" DESC LIMIT ${PAGE_SIZE} OFFSET 0`;
  const from = `FROM "Invoice" i JOIN "Patient" p ON p."id" = i."patientId"`;
  // The count needs the patient only to search.
  const countFrom = filter.q ? from : `FROM "Invoice" i`;
  return Promise.all([
    db.$queryRawUnsafe(`SELECT ${COLUMNS} ${from} WHERE ${where} ${order}`, ...params),
    db.$queryRawUnsafe(`SELECT COUNT(*) AS n ${countFrom} WHERE ${where}`, ...params),
  ]);
}

async function measure(
  db: Db,
  provider: Provider,
  practitionerId: string,
  dataset: string,
  page: string,
  query: Record<string, string>,
  iterations: number,
): Promise<ListCase> {
  const filters = parseInvoiceFilters(query);
  const raw = { year: filters.year, sts: filters.sts, q: filters.q?.toLowerCase() };
  const data: number[] = [],
    pageTimes: number[] = [],
    rawTimes: number[] = [];
  const time = async (fn: () => Promise<unknown>, into?: number[]) => {
    const t0 = process.hrtime.bigint();
    await fn();
    into?.push(Number(process.hrtime.bigint() - t0) / 1e6);
  };
  const first = await findInvoicePage(db, practitionerId, filters);
  const [rawRows, rawCount] = (await rawPage(db, provider, practitionerId, raw)) as [
    unknown[],
    { n: bigint | number }[],
  ];
  if (rawRows.length !== first.rows.length || Number(rawCount[0]!.n) !== first.total) {
    throw new Error(
      `raw SQL disagrees with findInvoicePage (${rawRows.length}/${first.rows.length} rows, ${rawCount[0]!.n}/${first.total} total)`,
    );
  }
  for (let i = 0; i < iterations + 5; i++) {
    const keep = i >= 5; // warm-up
    await time(() => findInvoicePage(db, practitionerId, filters), keep ? data : undefined);
    await time(
      () => Promise.all([findInvoicePage(db, practitionerId, filters), invoiceYears(db, practitionerId)]),
      keep ? pageTimes : undefined,
    );
    await time(() => rawPage(db, provider, practitionerId, raw), keep ? rawTimes : undefined);
  }
  const q = (v: number[], x: number) => quantile(v, x);
  return {
    provider,
    dataset,
    page,
    rows: first.rows.length,
    total: first.total,
    pageP50: q(pageTimes, 0.5),
    pageP95: q(pageTimes, 0.95),
    dataP50: q(data, 0.5),
    dataP95: q(data, 0.95),
    rawP50: q(rawTimes, 0.5),
    rawP95: q(rawTimes, 0.95),
    ratio: q(data, 0.5) / q(rawTimes, 0.5),
  };
}

export const FILTERED = { year: "2025", sts: "to_send", q: "rossi" };

export async function listBenchmark(options: {
  factory: DatabaseFactory;
  provider: Provider;
  invoices: number;
  /** PostgreSQL only: also this many other practitioners × invoices (a shared multi-tenant table). */
  others?: { practitioners: number; invoices: number };
  iterations: number;
  encryptionKey: Buffer;
  log: (line: string) => void;
}): Promise<ListCase[]> {
  const { provider, log } = options;
  const database = await options.factory.create(provider, "list");
  const db = createDb(database.url, { poolSize: 10 });
  try {
    const t0 = Date.now();
    const seedOptions = {
      autoSend: false,
      encryptionKey: options.encryptionKey,
      chunk: provider === "sqlite" ? 400 : 1000,
    };
    if (options.others) {
      await seedBulk(db, {
        ...seedOptions,
        practitioners: options.others.practitioners,
        patientsPerPractitioner: 200,
        invoicesOf: listPlan(options.others.invoices),
        log: (l) => log(`    ${l}`),
      });
    }
    const [target] = await seedBulk(db, {
      ...seedOptions,
      practitioners: 1,
      patientsPerPractitioner: 2_000,
      invoicesOf: listPlan(options.invoices),
    });
    if (provider === "postgresql") await db.$executeRawUnsafe("ANALYZE");
    else await db.$executeRawUnsafe("ANALYZE");
    const dataset = options.others
      ? `1 × ${options.invoices.toLocaleString("en")} + ${options.others.practitioners.toLocaleString("en")} × ${options.others.invoices.toLocaleString("en")}`
      : `1 × ${options.invoices.toLocaleString("en")}`;
    log(`  list dataset ${dataset} seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const cases: ListCase[] = [];
    for (const [page, query] of [
      ["first page", {}],
      ["year+STS+search", FILTERED],
    ] as const) {
      const c = await measure(db, provider, target!.id, dataset, page, query, options.iterations);
      log(
        `  list ${provider} ${dataset} ${page}: page p50 ${c.pageP50.toFixed(1)} / p95 ${c.pageP95.toFixed(1)} ms; findInvoicePage p50 ${c.dataP50.toFixed(1)} / p95 ${c.dataP95.toFixed(1)} ms; raw SQL p50 ${c.rawP50.toFixed(1)} / p95 ${c.rawP95.toFixed(1)} ms; ratio ${c.ratio.toFixed(2)} (${c.total} matching)`,
      );
      cases.push(c);
    }
    return cases;
  } finally {
    await db.$disconnect();
    await database.drop();
  }
}
