// Shared by the simulator's four query services: who is asking, which document, and the answer's envelope.
import { NUM_DOCUMENTO_PATTERN, PIVA_PATTERN, isIsoDate } from "../file/rules";
import type { StsDocumentId } from "../types";
import { child, childText, escapeXml, type XmlNode } from "../xml";
import { checkPincode, codeDescription, decrypt, type SimulatorContext } from "./context";
import { SoapClientFault, readSyncId } from "./services";
import { envelope, fields } from "./soap-xml";
import type { SimulatorUser } from "./state";

export type QueryMessage = { code: string; description: string; tipo: "" | "E" | "W" };

export const OK_MESSAGE: QueryMessage = { code: "0", description: "Operazione eseguita correttamente", tipo: "" };

export function errorMessage(code: string): QueryMessage {
  return { code, description: codeDescription(code), tipo: "E" };
}

/**
 * PIN and owner of a query: null when both are right, else the code to answer with (002/005/104 for the PIN, 110
 * when Proprietario/cfProprietario is not the user's). A request without pincode, or without the cfProprietario a
 * schema requires, breaks the schema: a SOAP fault, as STS answers schema violations.
 */
export function callerError(
  ctx: SimulatorContext,
  user: SimulatorUser,
  request: XmlNode,
  ownerRequired: boolean,
): string | null {
  const pincode = childText(request, "pincode");
  if (pincode === undefined)
    throw new SoapClientFault(
      `cvc-complex-type.2.4.a: Invalid content in element '${request.name}': pincode expected.`,
    );
  const cipher = childText(child(request, "Proprietario"), "cfProprietario");
  if (!cipher && ownerRequired)
    throw new SoapClientFault(
      `cvc-complex-type.2.4.a: Invalid content in element '${request.name}': Proprietario/cfProprietario expected.`,
    );
  const pinError = checkPincode(ctx, user, pincode);
  if (pinError) return pinError;
  if (!cipher) return null;
  try {
    return decrypt(ctx, cipher).toUpperCase() === user.cfProprietario ? null : "110";
  } catch {
    return "110";
  }
}

/** idDocumentoFiscale of a request, checked against the schema's types (a SOAP fault when it breaks them). */
export function requestedId(request: XmlNode): StsDocumentId {
  const node = child(request, "idDocumentoFiscale");
  const id = readSyncId(node);
  const valid =
    node !== undefined &&
    PIVA_PATTERN.test(id.pIva) &&
    isIsoDate(id.dataEmissione) &&
    Number.isInteger(id.dispositivo) &&
    id.dispositivo >= 1 &&
    id.dispositivo <= 999 &&
    NUM_DOCUMENTO_PATTERN.test(id.numDocumento);
  if (!valid) throw new SoapClientFault(`cvc-type: idDocumentoFiscale non valido in '${request.name}'.`);
  return id;
}

export function idXml(id: StsDocumentId): string {
  return `<idDocumentoFiscale>${fields([
    ["pIva", id.pIva],
    ["dataEmissione", id.dataEmissione],
  ])}<numDocumentoFiscale>${fields([
    ["dispositivo", id.dispositivo],
    ["numDocumento", id.numDocumento],
  ])}</numDocumentoFiscale></idDocumentoFiscale>`;
}

export function messagesXml(messages: QueryMessage[], list = "listaMessaggi", item = "messaggio"): string {
  const items = messages.map(
    (m) =>
      `<${item}>${fields([
        ["codice", m.code],
        ["descrizione", m.description],
      ])}${m.tipo ? `<tipo>${m.tipo}</tipo>` : "<tipo/>"}</${item}>`,
  );
  return `<${list}>${items.join("")}</${list}>`;
}

/** <response xmlns="ns"> esitoChiamata, the service's own elements, listaMessaggi (qualified, as in the kit). */
export function queryResponse(
  ns: string,
  response: string,
  esito: "0" | "1" | "2",
  inner: string,
  messages: QueryMessage[],
): string {
  return envelope(
    `<${response} xmlns="${escapeXml(ns)}"><esitoChiamata>${esito}</esitoChiamata>${inner}${messagesXml(messages)}</${response}>`,
  );
}
