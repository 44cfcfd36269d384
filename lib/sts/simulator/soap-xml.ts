import { escapeXml } from "../xml";

const ENV_OPEN = '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>';
const ENV_CLOSE = "</soap:Body></soap:Envelope>";

export function envelope(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${ENV_OPEN}${body}${ENV_CLOSE}`;
}

/** JAX-WS style SOAP 1.1 fault, e.g. env:Client "Errore generico di autenticazione" (docs/STS-PROTOCOL.md §2.1, §11.3).
 * */
export function soapFault(faultcode: "Client" | "Server", faultstring: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/"><env:Header/><env:Body><env:Fault>' +
    `<faultcode>env:${faultcode}</faultcode><faultstring>${escapeXml(faultstring)}</faultstring>` +
    "</env:Fault></env:Body></env:Envelope>"
  );
}

/** Children as [name, value] pairs in order; undefined values are skipped, values are escaped. */
export function fields(pairs: Array<[string, string | number | undefined]>): string {
  return pairs
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `<${name}>${escapeXml(String(value))}</${name}>`)
    .join("");
}
