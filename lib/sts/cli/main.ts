// Command line for the STS module: `npm run sts -- <command> [options]`. See docs/STS.md.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createStsClient, type StsCredentials } from "../client/sts-client";
import { getStsEnvironment, type StsEnvironmentName } from "../environments";
import { StsValidationError } from "../errors";
import { buildStsFile } from "../file/build-file";
import { BuildFileInputSchema } from "./build-input";
import { assertDocumentId, assertPeriod, assertTipoEstrazione, toAnnoMese } from "../client/query-input";

const USAGE = `Uso: npm run sts -- <comando> [opzioni]

Comandi:
  build-file <file.json> --out <cartella>      costruisce ZIP e XML da una descrizione JSON
  send-file <file.zip>                         invia un file (inviaFileMtom, MTOM)
  outcome <protocollo> | --from aaaa-mm-gg --to aaaa-mm-gg   esito (EsitoInvii)
  errors <protocollo>                          dettaglio errori (DettaglioErrori)
  receipt <protocollo> --out <file.pdf>        ricevuta PDF (RicevutaPdf)
  check-credentials                            verifica utente, password e PIN senza inviare nulla
  query <partita IVA> <aaaa-mm-gg> <numero> [--dispositivo N]   cosa ha il Sistema TS di un documento (InterrogazionePuntuale)
  monthly-report <aaaa-mm> [--tipo I|P]        documenti di un mese (ReportMensile; tipo di estrazione predefinito I)
  citizen-reports --from aaaa-mm-gg --to aaaa-mm-gg   segnalazioni dei cittadini nel periodo (ReportSegnalazioni)
  citizen-report <partita IVA> <aaaa-mm-gg> <numero> [--dispositivo N]   segnalazioni su un documento (DettaglioSegnalazione)

Opzioni comuni:
  --env simulator|test|production   ambiente (predefinito: simulator; determina anche il certificato)
  --url <url>                       indirizzo di base (es. simulatore su un'altra porta)
  --username --password --pincode --cf   credenziali (oppure STS_USERNAME, STS_PASSWORD, STS_PINCODE, STS_CF_PROPRIETARIO)
  --timeout <ms>                    timeout di ogni chiamata (predefinito: secondo l'operazione, docs/STS.md)
  --verbose                         stampa anche le richieste e risposte SOAP (senza segreti)
`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    env: { type: "string" },
    url: { type: "string" },
    out: { type: "string" },
    username: { type: "string" },
    password: { type: "string" },
    pincode: { type: "string" },
    cf: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    dispositivo: { type: "string" },
    tipo: { type: "string" },
    timeout: { type: "string" },
    verbose: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  },
});

class UsageError extends Error {}

function environment() {
  const name = (values.env ?? "simulator") as StsEnvironmentName;
  if (!["simulator", "test", "production"].includes(name)) throw new UsageError(`Ambiente sconosciuto: ${name}`);
  const env = getStsEnvironment(name, values.url ?? process.env.STS_SIMULATOR_URL);
  return values.url ? { ...env, baseUrl: values.url } : env;
}

function credentials(): StsCredentials {
  const read = (flag: string | undefined, variable: string, label: string) => {
    const value = flag ?? process.env[variable];
    if (!value) throw new UsageError(`Manca ${label}: usare l'opzione o la variabile ${variable}.`);
    return value.trim();
  };
  const username = read(values.username, "STS_USERNAME", "il codice identificativo (--username)");
  return {
    username,
    password: read(values.password, "STS_PASSWORD", "la password (--password)"),
    pincode: read(values.pincode, "STS_PINCODE", "il PIN (--pincode)"),
    cfProprietario: (values.cf ?? process.env.STS_CF_PROPRIETARIO ?? username).trim().toUpperCase(),
  };
}

function client() {
  const env = environment();
  return createStsClient({
    baseUrl: env.baseUrl,
    certificatePem: env.certificatePem,
    credentials: credentials(),
    timeoutMs: values.timeout ? Number(values.timeout) : undefined,
  });
}

/** Prints a result as JSON; binary payloads and, unless --verbose, the SOAP exchanges are left out. */
function print(result: Record<string, unknown>): void {
  const { exchanges, pdf, ...rest } = result;
  const output: Record<string, unknown> = { ...rest };
  if (pdf instanceof Uint8Array) output.pdfBytes = pdf.length;
  if (values.verbose) output.exchanges = exchanges;
  console.log(JSON.stringify(output, null, 2));
  if (["credentials", "transient", "permanent"].includes(String(result.kind))) process.exitCode = 1;
}

function requireArg(value: string | undefined, what: string): string {
  if (!value) throw new UsageError(`Manca ${what}.`);
  return value;
}

/** Runs an input check of the client; what it refuses is a usage error here (exit code 2). */
function checked(check: () => void): void {
  try {
    check();
  } catch (error) {
    if (error instanceof StsValidationError) throw new UsageError(error.message);
    throw error;
  }
}

/** The document named by `<partita IVA> <data emissione> <numero>` and --dispositivo (default 1), checked. */
function documentIdArg() {
  const [, pIva, dataEmissione, numDocumento] = positionals;
  const id = {
    pIva: requireArg(pIva, "la partita IVA"),
    dataEmissione: requireArg(dataEmissione, "la data di emissione (aaaa-mm-gg)"),
    dispositivo: Number(values.dispositivo ?? "1"),
    numDocumento: requireArg(numDocumento, "il numero del documento"),
  };
  checked(() => assertDocumentId(id));
  return id;
}

async function run(): Promise<void> {
  const [command, argument] = positionals;
  if (values.help || !command) return void console.log(USAGE);
  switch (command) {
    case "build-file": {
      const input = BuildFileInputSchema.parse(JSON.parse(readFileSync(requireArg(argument, "il file JSON"), "utf8")));
      const outDir = requireArg(values.out, "la cartella di destinazione (--out)");
      const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
      const file = buildStsFile({
        ...input,
        fileName: input.fileName ?? `parcella-${stamp}.zip`,
        certificatePem: environment().certificatePem,
      });
      mkdirSync(outDir, { recursive: true });
      writeFileSync(join(outDir, file.fileName), file.zip);
      writeFileSync(join(outDir, file.xmlFileName), file.xml);
      return print({
        kind: "built",
        zip: join(outDir, file.fileName),
        xml: join(outDir, file.xmlFileName),
        bytes: file.zip.length,
        documents: input.documents.length,
        environment: environment().name,
      });
    }
    case "send-file": {
      const path = requireArg(argument, "il file ZIP");
      return print(await client().uploadFile({ fileName: basename(path), zip: new Uint8Array(readFileSync(path)) }));
    }
    case "outcome":
      if (values.from && values.to) return print(await client().getOutcome({ from: values.from, to: values.to }));
      return print(await client().getOutcome({ protocollo: requireArg(argument, "il protocollo") }));
    case "errors":
      return print(await client().getErrorDetail(requireArg(argument, "il protocollo")));
    case "receipt": {
      const out = requireArg(values.out, "il file PDF di destinazione (--out)");
      const result = await client().getReceipt(requireArg(argument, "il protocollo"));
      if (result.kind === "ok") writeFileSync(out, result.pdf);
      return print({ ...result, ...(result.kind === "ok" ? { savedTo: out } : {}) });
    }
    case "check-credentials":
      return print(await client().checkCredentials());
    case "query":
      return print(await client().queryDocument(documentIdArg()));
    case "monthly-report": {
      const month = requireArg(argument, "il mese (aaaa-mm)");
      const tipoEstrazione = values.tipo?.toUpperCase();
      checked(() => toAnnoMese(month));
      if (tipoEstrazione !== undefined) checked(() => assertTipoEstrazione(tipoEstrazione));
      return print(await client().getMonthlyReport({ month, tipoEstrazione }));
    }
    case "citizen-reports": {
      const period = {
        from: requireArg(values.from, "--from aaaa-mm-gg"),
        to: requireArg(values.to, "--to aaaa-mm-gg"),
      };
      checked(() => assertPeriod(period.from, period.to));
      return print(await client().getCitizenReports(period));
    }
    case "citizen-report":
      return print(await client().getCitizenReport(documentIdArg()));
    default:
      throw new UsageError(`Comando sconosciuto: ${command}`);
  }
}

run().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else if (error instanceof StsValidationError) {
    console.error(`Documenti non inviabili:\n- ${error.issues.map((i) => i.message).join("\n- ")}`);
    process.exitCode = 1;
  } else if (error instanceof z.ZodError) {
    console.error(`JSON non valido:\n${z.prettifyError(error)}`);
    process.exitCode = 1;
  } else {
    console.error(`Errore: ${(error as Error).message}`);
    process.exitCode = 1;
  }
});
