// Standalone STS simulator:
// `npm run sts:simulator -- [--port 3100] [--state-file path] [--delay ms] [--tls-cert cert.pem --tls-key key.pem]`.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createStsSimulator } from "./server";

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    host: { type: "string" },
    "state-file": { type: "string" },
    delay: { type: "string" },
    "tls-cert": { type: "string" },
    "tls-key": { type: "string" },
  },
});

const port = Number(values.port ?? process.env.STS_SIMULATOR_PORT ?? 3100);
const processingDelayMs = Number(values.delay ?? process.env.STS_SIMULATOR_DELAY_MS ?? 5000);

async function main(): Promise<void> {
  const certFile = values["tls-cert"];
  const keyFile = values["tls-key"];
  if (Boolean(certFile) !== Boolean(keyFile)) throw new Error("--tls-cert e --tls-key vanno indicati insieme");
  const simulator = await createStsSimulator({
    tls:
      certFile && keyFile
        ? { certPem: readFileSync(certFile, "utf8"), keyPem: readFileSync(keyFile, "utf8") }
        : undefined,
    port,
    host: values.host ?? "127.0.0.1",
    stateFile: values["state-file"],
    processingDelayMs,
    log: (line) => console.log(`[sts-simulator] ${line}`),
  });
  console.log(`[sts-simulator] in ascolto su ${simulator.url} (elaborazione dopo ${processingDelayMs} ms)`);
  console.log(
    "[sts-simulator] utente di prova: MTOMRA66A41G224M (credenziali del kit STS psicologi, vedi docs/STS.md)",
  );
  const stop = () => void simulator.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`[sts-simulator] avvio non riuscito: ${(error as Error).message}`);
  process.exit(1);
});
