// Bulk seeding for the benchmarks: the rows the services write (registerPractitioner, saveProfile, createPatient,
// saveInvoiceDraft + issue, configureTestStsCredentials), inserted with createMany in chunks instead of one
// service call (and one transaction) per row, so 250,000 issued invoices take minutes rather than hours.
// bench/verify-seed.ts checks that a small bulk-seeded dataset matches the factory-made one field by field and that
// the STS state machine derives the same state for it.
import { randomBytes } from "node:crypto";
import type { Db } from "../lib/db";
import { sealSecret } from "../lib/crypto/secret-box";
import { buildCodiceFiscale } from "../prisma/seed/factories/codice-fiscale";
import { nextPartitaIva } from "../prisma/seed/factories/partita-iva";
import { KIT_PROFILE } from "../prisma/seed/factories/profiles";
import { KIT_STS } from "../prisma/seed/factories/sts";
import { SESSION_LINE } from "../prisma/seed/factories/invoices";

export const EMPTY_STS_RECORD = '{"held":null,"cancelled":[],"phase":"idle","attempt":null}';
// A fixed scrypt hash of "password-sicura-1" (what registerPractitioner stores): hashing 10,000 times would take minutes.
const PASSWORD_HASH =
  "scrypt$32768$8$1$4+s5FIk0S3Da5+CIeQDKug==$NvB1dfj5l5OSA/CVrzW/RbEZRzeFyTARgn+wCZEod5IwLcAwEBjv9o1V8KdHliZL5eFdLOUb134r/2Q594dgig==";

const FIRST_NAMES = ["Marco", "Giulia", "Luca", "Chiara", "Paolo", "Sara", "Andrea", "Elena"];
const LAST_NAMES = [
  "Rossi",
  "Bianchi",
  "Romano",
  "Colombo",
  "Ricci",
  "Marino",
  "Greco",
  "Bruno",
  "Gallo",
  "Conti",
  "De Luca",
  "Mancini",
  "Costa",
  "Giordano",
  "Rizzo",
  "Lombardi",
];

export type InvoicePlan = {
  issueDate: string;
  /** Stored STS state (the list reads it); defaults to "to_send", what refreshStsState derives for these rows. */
  stsState?: string;
};

export type SeedOptions = {
  practitioners: number;
  patientsPerPractitioner: number;
  /** The invoices of practitioner `p` (numbers are assigned per year in date order). */
  invoicesOf: (p: number) => InvoicePlan[];
  autoSend: boolean;
  autoSendFrom?: string;
  encryptionKey: Buffer;
  /** Also write the two InvoiceEvent rows ("created", "issued") per invoice, as the services do. */
  events?: boolean;
  chunk?: number;
  log?: (line: string) => void;
};

// Ids in the cuid shape (lower-case alphanumerics, 25 chars), unique per seeding run.
function idFactory() {
  const prefix = "b" + randomBytes(4).toString("hex").slice(0, 7);
  let n = 0;
  return () => prefix + (n++).toString(36).padStart(17, "0");
}

async function insertChunks<T>(rows: T[], chunk: number, insert: (part: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += chunk) await insert(rows.slice(i, i + chunk));
}

function issuerSnapshot(partitaIva: string) {
  const p = KIT_PROFILE;
  return JSON.stringify({
    name: p.displayName,
    professionLines: [p.profession],
    codiceFiscale: p.codiceFiscale,
    partitaIva,
    addressLines: [p.address, `${p.postalCode} ${p.city} (${p.province})`],
    iban: p.iban,
    email: p.email,
    phone: p.phone,
    footer: p.invoiceFooter,
  });
}

export type SeededPractitioner = { id: string; partitaIva: string; invoiceIds: string[]; patientIds: string[] };

let cfSequence = 0;

/** Inserts practitioners with profile, patients, STS settings and issued invoices; returns what it made. */
export async function seedBulk(db: Db, options: SeedOptions): Promise<SeededPractitioner[]> {
  const nextId = idFactory();
  const chunk = options.chunk ?? 500;
  const now = new Date();
  const passwordEnc = sealSecret(KIT_STS.password, options.encryptionKey);
  const pincodeEnc = sealSecret(KIT_STS.pincode, options.encryptionKey);
  const seeded: SeededPractitioner[] = [];
  // Practitioners are written in groups so memory stays bounded for a million invoices.
  const group = Math.max(1, Math.floor(20_000 / Math.max(1, options.invoicesOf(0).length)));
  for (let start = 0; start < options.practitioners; start += group) {
    const practitioners: object[] = [],
      profiles: object[] = [],
      settings: object[] = [],
      patients: object[] = [];
    const invoices: object[] = [],
      lines: object[] = [],
      events: object[] = [],
      counters: object[] = [];
    for (let p = start; p < Math.min(options.practitioners, start + group); p++) {
      const id = nextId();
      const partitaIva = nextPartitaIva();
      practitioners.push({
        id,
        email: `bench-${id}@example.test`,
        name: `Dott. Bench ${p}`,
        passwordHash: PASSWORD_HASH,
      });
      const { pensionFundRate: _rate, ...profile } = KIT_PROFILE;
      profiles.push({
        ...profile,
        practitionerId: id,
        partitaIva,
        pensionFundRateBp: 200,
        phone: profile.phone,
        email: profile.email,
      });
      settings.push({
        practitionerId: id,
        cfTitolare: KIT_STS.cfTitolare,
        username: KIT_STS.username,
        passwordEnc,
        passwordSetAt: now,
        pincodeEnc,
        pincodeSetAt: now,
        autoSend: options.autoSend,
        autoSendFrom: options.autoSendFrom ?? null,
        lastCheckOk: true,
        lastCheckAt: now,
      });
      const patientRows = Array.from({ length: options.patientsPerPractitioner }, () => {
        const n = cfSequence++;
        const firstName = FIRST_NAMES[n % FIRST_NAMES.length]!;
        const lastName = LAST_NAMES[Math.floor(n / FIRST_NAMES.length) % LAST_NAMES.length]!;
        const codiceFiscale = buildCodiceFiscale({ sequence: n });
        return {
          id: nextId(),
          practitionerId: id,
          kind: "person",
          firstName,
          lastName,
          codiceFiscale,
          birthDate: "1985-06-15",
          city: "Roma",
          province: "RM",
          searchText: `${lastName} ${firstName} ${codiceFiscale}`.toLowerCase(),
        };
      });
      patients.push(...patientRows);
      const issuer = issuerSnapshot(partitaIva);
      const plans = options
        .invoicesOf(p)
        .slice()
        .sort((a, b) => a.issueDate.localeCompare(b.issueDate));
      const lastNumber = new Map<number, number>();
      const invoiceIds: string[] = [];
      plans.forEach((plan, i) => {
        const year = Number(plan.issueDate.slice(0, 4));
        const number = (lastNumber.get(year) ?? 0) + 1;
        lastNumber.set(year, number);
        const patient = patientRows[i % patientRows.length]!;
        const invoiceId = nextId();
        invoiceIds.push(invoiceId);
        invoices.push({
          id: invoiceId,
          practitionerId: id,
          patientId: patient.id,
          kind: "invoice",
          status: "issued",
          year,
          number,
          issueDate: plan.issueDate,
          paymentDate: plan.issueDate,
          paymentMethod: "bonifico",
          subtotalCents: 7000,
          pensionFundCents: 140,
          totalCents: 7140,
          pensionFundRateBp: 200,
          pensionFundLabel: "ENPAP",
          taxRegime: "ordinario",
          bolloPolicy: "patient",
          patientSnapshot: JSON.stringify({
            name: `${patient.firstName} ${patient.lastName}`,
            kind: "person",
            foreign: false,
            codiceFiscale: patient.codiceFiscale,
            partitaIva: null,
            addressLines: ["Roma (RM)"],
          }),
          issuerSnapshot: issuer,
          issuedAt: now,
          stsRecord: EMPTY_STS_RECORD,
          stsState: plan.stsState ?? "to_send",
        });
        lines.push({
          id: nextId(),
          invoiceId,
          position: 0,
          description: SESSION_LINE.description,
          quantity: 1,
          unitPriceCents: 7000,
          amountCents: 7000,
          pensionFund: true,
          pensionFundCents: 140,
          expenseType: "SP",
        });
        if (options.events) {
          events.push({ id: nextId(), invoiceId, practitionerId: id, actorId: id, action: "created", at: now });
          events.push({
            id: nextId(),
            invoiceId,
            practitionerId: id,
            actorId: id,
            action: "issued",
            changes: JSON.stringify({ number: [null, number] }),
            at: now,
          });
        }
      });
      for (const [year, last] of lastNumber)
        counters.push({ practitionerId: id, series: "invoice", year, lastNumber: last });
      seeded.push({ id, partitaIva, invoiceIds, patientIds: patientRows.map((r) => r.id) });
    }
    type Data<K extends keyof Db> = Db[K] extends { createMany(args: { data: infer D }): unknown } ? D : never;
    await insertChunks(practitioners, chunk, (data) =>
      db.practitioner.createMany({ data: data as Data<"practitioner"> }),
    );
    await insertChunks(profiles, chunk, (data) => db.profile.createMany({ data: data as Data<"profile"> }));
    await insertChunks(settings, chunk, (data) => db.stsSettings.createMany({ data: data as Data<"stsSettings"> }));
    await insertChunks(patients, chunk, (data) => db.patient.createMany({ data: data as Data<"patient"> }));
    await insertChunks(counters, chunk, (data) =>
      db.invoiceCounter.createMany({ data: data as Data<"invoiceCounter"> }),
    );
    await insertChunks(invoices, chunk, (data) => db.invoice.createMany({ data: data as Data<"invoice"> }));
    await insertChunks(lines, chunk * 2, (data) => db.invoiceLine.createMany({ data: data as Data<"invoiceLine"> }));
    await insertChunks(events, chunk * 2, (data) => db.invoiceEvent.createMany({ data: data as Data<"invoiceEvent"> }));
    options.log?.(`seeded ${Math.min(options.practitioners, start + group)}/${options.practitioners} practitioners`);
  }
  // Planner statistics for the tables just filled, as a running installation has them (autovacuum gathers them a
  // minute later). Not for the transmission tables, still empty: statistics saying "empty" would make PostgreSQL
  // plan the foreign-key checks of their inserts as sequential scans and keep those plans while they grow.
  for (const table of [
    "Practitioner",
    "Profile",
    "StsSettings",
    "Patient",
    "InvoiceCounter",
    "Invoice",
    "InvoiceLine",
    "InvoiceEvent",
  ]) {
    await db.$executeRawUnsafe(`ANALYZE "${table}"`);
  }
  return seeded;
}

/** The hourly-run dataset: `practitioners` × `invoices` eligible invoices dated from February 2026. */
export function hourlyPlan(invoices: number): (p: number) => InvoicePlan[] {
  return () =>
    Array.from({ length: invoices }, (_, i) => ({ issueDate: `2026-02-${String(1 + (i % 28)).padStart(2, "0")}` }));
}

const STATE_MIX = [
  "accepted",
  "accepted",
  "accepted",
  "accepted",
  "accepted",
  "accepted",
  "to_send",
  "to_send",
  "rejected",
  "not_eligible",
];

/**
 * The web benchmark's history: invoices spread over `years` years from `firstYear`, every year with the list's mix of
 * STS states (60 % accepted, 20 % to send, 10 % rejected, 10 % not eligible), dates in order within the year and
 * none after `today` (a date in the future is refused since the date rules exist, and the list would show the
 * "dates to review" banner that a real account does not have): the current year fills the days gone by.
 */
export function historyPlan(
  invoices: number,
  firstYear: number,
  years: number,
  today = new Date().toISOString().slice(0, 10),
): (p: number) => InvoicePlan[] {
  // Day slots: the 1st to the 28th of each month, 336 a year.
  const dateOf = (year: number, slot: number) =>
    `${year}-${String(1 + Math.floor(slot / 28)).padStart(2, "0")}-${String(1 + (slot % 28)).padStart(2, "0")}`;
  const slotsIn = (year: number) => {
    let slots = 336;
    while (slots > 1 && dateOf(year, slots - 1) > today) slots--;
    return slots;
  };
  const slots = Array.from({ length: years }, (_, y) => slotsIn(firstYear + y));
  return () =>
    Array.from({ length: invoices }, (_, i) => {
      const year = firstYear + (i % years);
      const k = Math.floor(i / years); // the invoice's place within its year
      return {
        issueDate: dateOf(year, k % slots[i % years]!),
        stsState: STATE_MIX[(k * 7) % STATE_MIX.length],
      };
    });
}

/** The list dataset: invoices spread over 2021–2026 with a mix of STS states. */
export function listPlan(invoices: number): (p: number) => InvoicePlan[] {
  const states = [
    "accepted",
    "accepted",
    "accepted",
    "accepted",
    "accepted",
    "accepted",
    "to_send",
    "to_send",
    "rejected",
    "not_eligible",
  ];
  return () =>
    Array.from({ length: invoices }, (_, i) => {
      const year = 2021 + (i % 6);
      const day = Math.floor(i / 6) % 336;
      const month = 1 + Math.floor(day / 28);
      return {
        issueDate: `${year}-${String(month).padStart(2, "0")}-${String(1 + (day % 28)).padStart(2, "0")}`,
        stsState: states[(i * 7) % states.length],
      };
    });
}
