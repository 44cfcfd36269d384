// Demo data for a fresh installation: `npm run db:seed`. Everything goes through the same services as the UI (via
// the factories), so the demo data obey the same rules as real data: numbering, totals, bollo, ownership.
import { fileURLToPath } from "node:url";
import { createDb, type Db } from "../../lib/db";
import { isoDate, isoToUtcMillis } from "../../lib/domain/dates";
import type { PaymentMethod } from "../../lib/domain/payment";
import { env } from "../../lib/env";
import { findPractitionerByEmail } from "../../lib/data/practitioners";
import type { PatientInput } from "../../lib/schemas/patient";
import { registerPractitioner } from "../../lib/services/accounts/register-practitioner";
import { createCreditNote } from "../../lib/services/invoices/create-credit-note";
import { voidInvoice } from "../../lib/services/invoices/void-invoice";
import { migrate } from "../../scripts/db.mjs";
import { createTestInvoice, SESSION_LINE } from "./factories/invoices";
import { createTestPatient } from "./factories/patients";
import { buildCodiceFiscale } from "./factories/codice-fiscale";
import { createTestProfile } from "./factories/profiles";

export const DEMO_EMAIL = "demo@parcella.local";
export const DEMO_PASSWORD = "lanterna-oceano-scala";

export type SeedResult =
  | { created: false; practitionerId: string }
  | { created: true; practitionerId: string; patients: number; invoices: number; creditNotes: number; voided: number };

type DemoPerson = [
  firstName: string,
  lastName: string,
  sex: "M" | "F",
  birthDate: string,
  extra?: Partial<PatientInput>,
];

const OPPOSITION: Partial<PatientInput> = { opposesSts: true, opposesStsSince: "2025-01-01" };

// Thirteen patients with a codice fiscale (two of them oppose STS transmission), then a foreign patient and a company.
const PEOPLE: DemoPerson[] = [
  ["Giulia", "Ferri", "F", "1990-03-14"],
  ["Marco", "Conti", "M", "1984-07-02"],
  ["Francesca", "Moretti", "F", "1995-11-23"],
  ["Alessandro", "Galli", "M", "1978-01-30"],
  ["Chiara", "Fontana", "F", "1988-05-09", OPPOSITION],
  ["Davide", "Barbieri", "M", "1992-09-17"],
  ["Martina", "Lombardi", "F", "2001-02-11"],
  ["Stefano", "De Luca", "M", "1969-12-03", OPPOSITION],
  ["Valentina", "Esposito", "F", "1986-04-27"],
  ["Lorenzo", "Mancini", "M", "1999-08-15"],
  ["Sofia", "Rinaldi", "F", "2004-06-06"],
  ["Federico", "Caruso", "M", "1975-10-21"],
  ["Anna", "Serra", "F", "1963-03-08"],
  ["Elena", "Novak", "F", "1991-01-19", { foreign: true }],
];
const COMPANY: Partial<PatientInput> = {
  kind: "company",
  firstName: "",
  lastName: "",
  companyName: "Welfare Insieme S.r.l.",
  partitaIva: "07654320154",
  codiceFiscale: "",
  email: "amministrazione@welfare-insieme.example",
  address: "Corso Buenos Aires 54",
  postalCode: "20124",
};

const METHODS: PaymentMethod[] = ["carta", "bonifico", "pos", "contanti", "carta", "bonifico", "pos"];
// The first patients come every week or two, the others less often: a realistic spread of invoices per patient.
const VISIT_ORDER = [0, 1, 2, 0, 3, 1, 4, 0, 5, 2, 6, 1, 7, 3, 0, 8, 9, 2, 10, 11, 1, 12, 13, 0, 3, 14];

const INVOICE_COUNT = 60;
const UNPAID = new Set([20, 57, 58, 59]);
const VOIDED = 12;
const CREDITED = 50;

function addDays(date: string, days: number): string {
  return new Date(isoToUtcMillis(date) + days * 86_400_000).toISOString().slice(0, 10);
}

async function createDemoPatients(db: Db, practitionerId: string) {
  const patients = [];
  for (const [index, [firstName, lastName, sex, birthDate, extra]] of PEOPLE.entries()) {
    const foreign = extra?.foreign === true;
    const handle = `${firstName}.${lastName}`.toLowerCase().replace(/\s+/g, "");
    patients.push(
      await createTestPatient(db, practitionerId, {
        firstName,
        lastName,
        codiceFiscale: foreign
          ? ""
          : buildCodiceFiscale({ sequence: 4_200 + index * 37, birthDate, sex, cadastralCode: "F205" }),
        email: `${handle}@example.com`,
        phone: `33${index % 10} ${String(4_812_300 + index * 7_919).slice(0, 7)}`,
        address: `Via ${["Torino", "Padova", "Solari", "Tortona", "Vigevano"][index % 5]} ${10 + index * 3}`,
        postalCode: "2012" + (index % 10),
        city: "Milano",
        province: "MI",
        ...extra,
      }),
    );
  }
  patients.push(await createTestPatient(db, practitionerId, { city: "Milano", province: "MI", ...COMPANY }));
  return patients;
}

/** Creates the demo account with its profile, patients and invoices; a no-op when the account already exists. */
export async function seedDemo(db: Db, options: { now?: Date } = {}): Promise<SeedResult> {
  const existing = await findPractitionerByEmail(db, DEMO_EMAIL);
  if (existing) return { created: false, practitionerId: existing.id };

  const input = { name: "Maria Motta", email: DEMO_EMAIL, password: DEMO_PASSWORD, passwordConfirm: DEMO_PASSWORD };
  const { id: practitionerId } = await registerPractitioner({ db, input });
  await createTestProfile(db, practitionerId);
  const patients = await createDemoPatients(db, practitionerId);
  const today = isoDate(options.now ?? new Date());

  // One invoice every ten to twelve days from January 2025: numbers must follow dates, so they are issued in order.
  const invoices = [];
  for (let i = 0; i < INVOICE_COUNT; i++) {
    const issueDate = addDays("2025-01-09", i * 11 + (i % 3));
    const patient = patients[VISIT_ORDER[i % VISIT_ORDER.length]];
    // The last invoice of 2025 is paid by transfer in January: its expense belongs to the 2026 tax year.
    const method = issueDate >= "2025-12-20" && issueDate <= "2025-12-31" ? "bonifico" : METHODS[i % METHODS.length];
    // Transfers arrive a few days after the invoice.
    const paymentDate = method === "bonifico" ? addDays(issueDate, 4 + (i % 7)) : issueDate;
    const paid = !UNPAID.has(i) && i !== VOIDED && paymentDate <= today;
    const company = patient.kind === "company";
    const line = company
      ? {
          ...SESSION_LINE,
          description: "Sportello di ascolto psicologico per i dipendenti (4 ore)",
          unitPrice: "240,00",
        }
      : i % 9 === 4
        ? { ...SESSION_LINE, description: "Colloquio psicologico individuale (90 minuti)", unitPrice: "80,00" }
        : SESSION_LINE;
    invoices.push(
      await createTestInvoice(db, practitionerId, {
        patientId: patient.id,
        issueDate,
        lines: [line],
        opposition: patient.opposesSts,
        ...(paid ? { paymentDate, paymentMethod: method } : {}),
      }),
    );
  }

  const actor = { db, practitionerId, actorId: practitionerId };
  await voidInvoice({
    ...actor,
    invoiceId: invoices[VOIDED].id,
    input: { reason: "Emessa per errore: la seduta non si è svolta." },
  });
  const credited = invoices[CREDITED];
  await createCreditNote({
    ...actor,
    invoiceId: credited.id,
    input: {
      mode: "partial",
      issueDate: addDays(credited.issueDate, 6),
      amount: "35,70",
      description: "Rimborso parziale: seduta interrotta su richiesta del paziente",
    },
  });
  return {
    created: true,
    practitionerId,
    patients: patients.length,
    invoices: invoices.length,
    creditNotes: 1,
    voided: 1,
  };
}

async function main() {
  const databaseUrl = env().DATABASE_URL;
  const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
  let started = Date.now();
  migrate(databaseUrl);
  console.log(`Database aggiornato in ${seconds(started)}.`);
  const db = createDb(databaseUrl);
  try {
    started = Date.now();
    const result = await seedDemo(db);
    if (!result.created) {
      console.log(`L'account demo ${DEMO_EMAIL} esiste già: nessuna modifica.`);
      return;
    }
    console.log(
      `Creati ${result.patients} pazienti, ${result.invoices} fatture (1 annullata) e ${result.creditNotes} nota di credito ` +
        `in ${seconds(started)}.`,
    );
    console.log(`Accedi con:\n  email:    ${DEMO_EMAIL}\n  password: ${DEMO_PASSWORD}`);
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
