// `npm run sts -- <command>`: the installation's STS commands (certificate, diagnosis), which read the database and
// the configuration; every other command is the protocol's own command line (lib/sts/cli/main.ts, docs/STS.md).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

const INSTALLATION_COMMANDS = new Set(["install-certificate", "remove-certificate", "certificate", "doctor"]);

const USAGE = `Comandi dell'installazione (usano il database e la configurazione di Parcella):
  install-certificate <file>   installa il certificato di cifratura del Sistema TS (PEM, .cer o lo ZIP del kit)
  remove-certificate           torna al certificato incluso in Parcella
  certificate                  mostra il certificato in uso, la sua scadenza e se gli invii sono sospesi
  doctor [--email <email>]     diagnostica del collegamento: nome, TLS, utente e password, PIN, certificato, orologio
                               (credenziali: quelle salvate del professionista --email, oppure --username --password
                               --pincode o STS_USERNAME, STS_PASSWORD, STS_PINCODE; senza, i passi relativi sono saltati)
Opzione: --json   risultato in JSON
`;

/** Runs an installation command and returns its exit code, or null when the protocol's command line takes over. */
async function main(): Promise<number | null> {
  const command = process.argv[2];
  if (!command || !INSTALLATION_COMMANDS.has(command)) {
    if (!command || command === "--help" || command === "-h") console.log(USAGE);
    await import("../lib/sts/cli/main"); // runs on import and sets its own exit code
    return null;
  }
  const { values, positionals } = parseArgs({
    args: process.argv.slice(3),
    allowPositionals: true,
    options: {
      json: { type: "boolean" },
      email: { type: "string" },
      username: { type: "string" },
      password: { type: "string" },
      pincode: { type: "string" },
      cf: { type: "string" },
    },
  });
  const { db } = await import("../lib/db");
  const commands = await import("./sts-commands");
  try {
    switch (command) {
      case "install-certificate":
        if (!positionals[0])
          throw new Error("Indica il file del certificato: npm run sts -- install-certificate <file>");
        return await commands.install(db(), new Uint8Array(readFileSync(positionals[0])), values.json === true);
      case "remove-certificate":
        return await commands.remove(db(), values.json === true);
      case "certificate":
        return await commands.status(db(), values.json === true);
      case "doctor":
        return await commands.doctor(db(), values, values.json === true);
    }
    return 2;
  } finally {
    await db().$disconnect();
  }
}

main().then(
  (code) => {
    if (code !== null) process.exit(code);
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    // Prisma's "table does not exist" (P2021): the database predates this version.
    if (/P2021|does not exist/.test(message))
      console.error("Errore: il database non è aggiornato. Esegui prima `npm run db:migrate` (o avvia Parcella).");
    else console.error(`Errore: ${message}`);
    process.exit(1);
  },
);
