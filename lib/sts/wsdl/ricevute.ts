// Parcella's WSDLs of the three receipt services (docs/STS-PROTOCOL.md §4–6): EsitoInvii, DettaglioErrori, RicevutaPdf.
// They share one shape: DatiInputRichiesta → DatiOutputRichiesta, children unqualified (no elementFormDefault).
export const ESITO_INVII_NS = "http://esitoinvio.p730.sanita.sogei.it/";
export const DETTAGLIO_ERRORI_NS = "http://dettaglioerrori.p730.sanita.sogei.it/";
export const RICEVUTA_PDF_NS = "http://ricevutapdf.p730.sanita.sogei.it/";

type ReceiptWsdl = {
  ns: string;
  service: string;
  port: string;
  operation: string;
  address: string;
  /** Extra input elements after pinCode (before protocollo), e.g. dataInizio/dataFine. */
  extraInput: string;
  /** Content of esitiPositivi. */
  positive: string;
  /** EsitoInvii alone answers with a descrizioneEsito (docs/STS-PROTOCOL.md §4). */
  withDescrizioneEsito: boolean;
};

function receiptWsdl(w: ReceiptWsdl): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions name="${w.service}" targetNamespace="${w.ns}"
    xmlns="http://schemas.xmlsoap.org/wsdl/"
    xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tns="${w.ns}">
  <types>
    <xs:schema targetNamespace="${w.ns}" version="1.0">
      <xs:element name="${w.operation}" type="tns:${w.operation}"/>
      <xs:element name="${w.operation}Response" type="tns:${w.operation}Response"/>
      <xs:element name="Exception" type="tns:Exception"/>
      <xs:complexType name="${w.operation}">
        <xs:sequence><xs:element name="DatiInputRichiesta" type="tns:datiInput" minOccurs="0"/></xs:sequence>
      </xs:complexType>
      <xs:complexType name="${w.operation}Response">
        <xs:sequence><xs:element name="DatiOutputRichiesta" type="tns:datiOutput" minOccurs="0"/></xs:sequence>
      </xs:complexType>
      <xs:complexType name="datiInput">
        <xs:sequence>
          <xs:element name="pinCode" type="xs:string"/>${w.extraInput}
          <xs:element name="protocollo" type="xs:string" minOccurs="0"/>
          <xs:element name="opzionale1" type="xs:string" minOccurs="0"/>
          <xs:element name="opzionale2" type="xs:string" minOccurs="0"/>
          <xs:element name="opzionale3" type="xs:string" minOccurs="0"/>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="datiOutput">
        <xs:sequence>
          <xs:element name="esitoChiamata" type="xs:string"/>${w.withDescrizioneEsito ? '\n          <xs:element name="descrizioneEsito" type="xs:string"/>' : ""}
          <xs:element name="esitiPositivi" minOccurs="0">
            <xs:complexType><xs:sequence>${w.positive}</xs:sequence></xs:complexType>
          </xs:element>
          <xs:element name="esitiNegativi" minOccurs="0">
            <xs:complexType><xs:sequence>
              <xs:element name="dettaglioEsitoNegativo" maxOccurs="unbounded">
                <xs:complexType><xs:sequence>
                  <xs:element name="codice" type="xs:string"/>
                  <xs:element name="descrizione" type="xs:string"/>
                </xs:sequence></xs:complexType>
              </xs:element>
            </xs:sequence></xs:complexType>
          </xs:element>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="Exception">
        <xs:sequence><xs:element name="message" type="xs:string" minOccurs="0"/></xs:sequence>
      </xs:complexType>
    </xs:schema>
  </types>
  <message name="${w.operation}"><part name="parameters" element="tns:${w.operation}"/></message>
  <message name="${w.operation}Response"><part name="parameters" element="tns:${w.operation}Response"/></message>
  <message name="Exception"><part name="fault" element="tns:Exception"/></message>
  <portType name="${w.service}">
    <operation name="${w.operation}">
      <input message="tns:${w.operation}"/>
      <output message="tns:${w.operation}Response"/>
      <fault name="Exception" message="tns:Exception"/>
    </operation>
  </portType>
  <binding name="${w.port}Binding" type="tns:${w.service}">
    <soap:binding transport="http://schemas.xmlsoap.org/soap/http" style="document"/>
    <operation name="${w.operation}">
      <soap:operation soapAction=""/>
      <input><soap:body use="literal"/></input>
      <output><soap:body use="literal"/></output>
      <fault name="Exception"><soap:fault name="Exception" use="literal"/></fault>
    </operation>
  </binding>
  <service name="${w.service}">
    <port name="${w.port}" binding="tns:${w.port}Binding">
      <soap:address location="http://localhost:9083${w.address}"/>
    </port>
  </service>
</definitions>
`;
}

export const ESITO_INVII_WSDL = receiptWsdl({
  ns: ESITO_INVII_NS,
  service: "EsitoInvioDatiSpesa730Service",
  port: "EsitoInvioDatiSpesa730ServicePort",
  operation: "EsitoInvii",
  address: "/EsitoStatoInviiWEB/EsitoInvioDatiSpesa730Service",
  withDescrizioneEsito: true,
  extraInput: `
          <xs:element name="dataInizio" type="xs:string" minOccurs="0"/>
          <xs:element name="dataFine" type="xs:string" minOccurs="0"/>`,
  positive: `
              <xs:element name="dettagliEsito" maxOccurs="unbounded">
                <xs:complexType><xs:sequence>
                  <xs:element name="protocollo" type="xs:string"/>
                  <xs:element name="dataInvio" type="xs:string"/>
                  <xs:element name="stato" type="xs:int"/>
                  <xs:element name="descrizione" type="xs:string"/>
                  <xs:element name="nInviati" type="xs:long"/>
                  <xs:element name="nAccolti" type="xs:long"/>
                  <xs:element name="nWarnings" type="xs:long"/>
                  <xs:element name="nErrori" type="xs:long"/>
                </xs:sequence></xs:complexType>
              </xs:element>`,
});

function singleBinary(name: string): string {
  return `
              <xs:element name="dettagliEsito">
                <xs:complexType><xs:sequence><xs:element name="${name}" type="xs:base64Binary"/></xs:sequence></xs:complexType>
              </xs:element>`;
}

export const DETTAGLIO_ERRORI_WSDL = receiptWsdl({
  ns: DETTAGLIO_ERRORI_NS,
  service: "DettaglioErrori730Service",
  port: "DettaglioErrori730ServicePort",
  operation: "DettaglioErrori",
  address: "/EsitoStatoInviiWEB/DettaglioErrori730Service",
  extraInput: "",
  withDescrizioneEsito: false,
  positive: singleBinary("csv"),
});

export const RICEVUTA_PDF_WSDL = receiptWsdl({
  ns: RICEVUTA_PDF_NS,
  service: "RicevutaPdf730Service",
  port: "RicevutaPdf730ServicePort",
  operation: "RicevutaPdf",
  address: "/Ricevute730ServiceWeb/ricevutePdf",
  extraInput: "",
  withDescrizioneEsito: false,
  positive: singleBinary("pdf"),
});
