// Parcella's WSDL of the synchronous single-document service (docs/STS-PROTOCOL.md §7). Unlike the async services its
// schema is elementFormDefault="qualified": every child element is in the target namespace (which has no trailing
// slash).
export const DOCUMENTO_SPESA_NS = "http://documentospesap730.sanita.finanze.it";

export const DOCUMENTO_SPESA_OPERATIONS = {
  Inserimento: {
    request: "inserimentoDocumentoSpesaRequest",
    response: "inserimentoDocumentoSpesaResponse",
    soapAction: "inserimento.documentospesap730.sanita.finanze.it",
    payload: "idInserimentoDocumentoFiscale",
  },
  Variazione: {
    request: "variazioneDocumentoSpesaRequest",
    response: "variazioneDocumentoSpesaResponse",
    soapAction: "variazione.documentospesap730.sanita.finanze.it",
    payload: "idVariazioneDocumentoFiscale",
  },
  Rimborso: {
    request: "rimborsoDocumentoSpesaRequest",
    response: "rimborsoDocumentoSpesaResponse",
    soapAction: "rimborso.documentospesap730.sanita.finanze.it",
    payload: "idRimborsoDocumentoFiscale",
  },
  Cancellazione: {
    request: "cancellazioneDocumentoSpesaRequest",
    response: "cancellazioneDocumentoSpesaResponse",
    soapAction: "cancellazione.documentospesap730.sanita.finanze.it",
    payload: "idCancellazioneDocumentoFiscale",
  },
} as const;

export type DocumentoSpesaOperation = keyof typeof DOCUMENTO_SPESA_OPERATIONS;

const HEAD = `
            <xs:element name="opzionale1" type="xs:string" minOccurs="0"/>
            <xs:element name="opzionale2" type="xs:string" minOccurs="0"/>
            <xs:element name="opzionale3" type="xs:string" minOccurs="0"/>
            <xs:element name="pincode" type="xs:string"/>
            <xs:element name="Proprietario" type="tns:proprietario" minOccurs="0"/>`;

const PAYLOADS: Record<DocumentoSpesaOperation, string> = {
  Inserimento: '<xs:element name="idInserimentoDocumentoFiscale" type="tns:documentoSpesa"/>',
  Variazione: '<xs:element name="idVariazioneDocumentoFiscale" type="tns:documentoSpesa"/>',
  Rimborso:
    '<xs:element name="idRimborsoDocumentoFiscale" type="tns:idDocumentoFiscale"/>\n            <xs:element name="DocumentoSpesa" type="tns:documentoSpesa"/>',
  Cancellazione: '<xs:element name="idCancellazioneDocumentoFiscale" type="tns:idDocumentoFiscale"/>',
};

const ops = Object.entries(DOCUMENTO_SPESA_OPERATIONS) as Array<
  [DocumentoSpesaOperation, (typeof DOCUMENTO_SPESA_OPERATIONS)[DocumentoSpesaOperation]]
>;

export const DOCUMENTO_SPESA_WSDL = `<?xml version="1.0" encoding="UTF-8"?>
<definitions name="DocumentoSpesa730pService" targetNamespace="${DOCUMENTO_SPESA_NS}"
    xmlns="http://schemas.xmlsoap.org/wsdl/"
    xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tns="${DOCUMENTO_SPESA_NS}">
  <types>
    <xs:schema targetNamespace="${DOCUMENTO_SPESA_NS}" elementFormDefault="qualified">
${ops
  .map(
    ([op, o]) => `      <xs:element name="${o.request}">
        <xs:complexType>
          <xs:sequence>${HEAD}
            ${PAYLOADS[op]}
          </xs:sequence>
        </xs:complexType>
      </xs:element>
      <xs:element name="${o.response}" type="tns:esitoOperazione"/>`,
  )
  .join("\n")}
      <xs:complexType name="proprietario">
        <xs:sequence>
          <xs:element name="codiceRegione" type="xs:string" minOccurs="0"/>
          <xs:element name="codiceAsl" type="xs:string" minOccurs="0"/>
          <xs:element name="codiceSSA" type="xs:string" minOccurs="0"/>
          <xs:element name="cfProprietario" type="xs:string" minOccurs="0"/>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="idDocumentoFiscale">
        <xs:sequence>
          <xs:element name="pIva" type="xs:string"/>
          <xs:element name="dataEmissione" type="xs:date"/>
          <xs:element name="numDocumentoFiscale">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="dispositivo" type="xs:int"/>
                <xs:element name="numDocumento" type="xs:string"/>
              </xs:sequence>
            </xs:complexType>
          </xs:element>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="documentoSpesa">
        <xs:sequence>
          <xs:element name="idSpesa" type="tns:idDocumentoFiscale"/>
          <xs:element name="dataPagamento" type="xs:date"/>
          <xs:element name="flagPagamentoAnticipato" type="xs:int" minOccurs="0"/>
          <xs:element name="cfCittadino" type="xs:string" minOccurs="0"/>
          <xs:element name="voceSpesa" maxOccurs="unbounded">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="tipoSpesa" type="xs:string"/>
                <xs:element name="flagTipoSpesa" type="xs:string" minOccurs="0"/>
                <xs:element name="importo" type="xs:double"/>
                <xs:choice minOccurs="0">
                  <xs:element name="aliquotaIVA" type="xs:decimal"/>
                  <xs:element name="naturaIVA" type="xs:string"/>
                </xs:choice>
              </xs:sequence>
            </xs:complexType>
          </xs:element>
          <xs:element name="pagamentoTracciato" type="xs:string" minOccurs="0"/>
          <xs:element name="tipoDocumento" type="xs:string" minOccurs="0"/>
          <xs:element name="flagOpposizione" type="xs:string" minOccurs="0"/>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="esitoOperazione">
        <xs:sequence>
          <xs:element name="esitoChiamata" type="xs:string"/>
          <xs:element name="protocollo" type="xs:string" minOccurs="0"/>
          <xs:element name="listaMessaggi">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="messaggio" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:sequence>
                      <xs:element name="codice" type="xs:string"/>
                      <xs:element name="descrizione" type="xs:string"/>
                      <xs:element name="tipo" type="xs:string"/>
                    </xs:sequence>
                  </xs:complexType>
                </xs:element>
              </xs:sequence>
            </xs:complexType>
          </xs:element>
        </xs:sequence>
      </xs:complexType>
    </xs:schema>
  </types>
${ops
  .map(
    ([op, o]) => `  <message name="${op}Request"><part name="parameters" element="tns:${o.request}"/></message>
  <message name="${op}Response"><part name="parameters" element="tns:${o.response}"/></message>`,
  )
  .join("\n")}
  <portType name="DocumentoSpesa730p">
${ops.map(([op]) => `    <operation name="${op}"><input message="tns:${op}Request"/><output message="tns:${op}Response"/></operation>`).join("\n")}
  </portType>
  <binding name="DocumentoSpesa730pBinding" type="tns:DocumentoSpesa730p">
    <soap:binding transport="http://schemas.xmlsoap.org/soap/http" style="document"/>
${ops
  .map(
    ([op, o]) => `    <operation name="${op}">
      <soap:operation soapAction="${o.soapAction}"/>
      <input><soap:body use="literal"/></input>
      <output><soap:body use="literal"/></output>
    </operation>`,
  )
  .join("\n")}
  </binding>
  <service name="DocumentoSpesa730pService">
    <port name="DocumentoSpesa730pPort" binding="tns:DocumentoSpesa730pBinding">
      <soap:address location="http://localhost:9080/DocumentoSpesa730pWeb/DocumentoSpesa730pPort"/>
    </port>
  </service>
</definitions>
`;
