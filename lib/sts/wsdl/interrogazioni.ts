// Parcella's WSDLs of the four STS query services. Element names, namespaces, paths and SOAPActions as STS spells
// them in its development kit (InterrogazionePuntuale730Service, ReportMensile730Service,
// DettaglioSegnalazione730Service, ReportSegnalazioni730Service); the schemas are ours, written from those facts.
import { OPZIONALI, queryWsdl } from "./query-wsdl";

export const INTERROGAZIONE_PUNTUALE_NS = "http://interrogazionepuntuale.p730.sanita.finanze.it";
export const REPORT_MENSILE_NS = "http://reportmensile.p730.sanita.finanze.it";
export const DETTAGLIO_SEGNALAZIONE_NS = "http://dettagliosegnalazione.p730.sanita.finanze.it";
export const REPORT_SEGNALAZIONI_NS = "http://reportsegnalazioni.p730.sanita.finanze.it";

const HEAD = `${OPZIONALI}
          <xs:element name="pincode" type="xs:string"/>
          <xs:element name="Proprietario" type="tns:ProprietarioType" minOccurs="0"/>`;

const TOTALE_TYPE = `
      <xs:complexType name="TotaleVoceSpesaType">
        <xs:sequence>
          <xs:element name="tipoSpesa" type="xs:string"/>
          <xs:element name="importo" type="xs:double"/>
        </xs:sequence>
      </xs:complexType>`;

/** One document by identity: what STS holds for it (amounts per expense type, refunds, last transmission). */
export const INTERROGAZIONE_PUNTUALE_WSDL = queryWsdl({
  ns: INTERROGAZIONE_PUNTUALE_NS,
  service: "InterrogazionePuntuale730Service",
  port: "InterrogazionePuntuale730Port",
  address: "/InterrogazionePuntuale730Web/InterrogazionePuntuale730Port",
  operation: "InterrogazionePuntuale",
  soapAction: "interrogazionepuntuale.p730.sanita.finanze.it",
  request: "interrogazionePuntualeRequest",
  response: "interrogazionePuntualeResponse",
  requestSequence: `${HEAD}
          <xs:element name="idDocumentoFiscale" type="tns:IdDocumentoFiscaleType"/>`,
  responseSequence: `
          <xs:element name="documentoFiscale" type="tns:DocumentoFiscaleType" minOccurs="0"/>`,
  types: `${TOTALE_TYPE}
      <xs:complexType name="DocumentoFiscaleType">
        <xs:sequence>
          <xs:element name="idDocumentoFiscale" type="tns:IdDocumentoFiscaleType" minOccurs="0"/>
          <xs:element name="dataPagamento" type="tns:DataMinType" minOccurs="0"/>
          <xs:element name="totaliVociSpesa" type="tns:TotaleVoceSpesaType" minOccurs="0" maxOccurs="unbounded"/>
          <xs:element name="totaliVociSpesaRimborsate" type="tns:TotaleVoceSpesaType" minOccurs="0" maxOccurs="unbounded"/>
          <xs:element name="protocollo" type="xs:string" minOccurs="0"/>
          <xs:element name="nomeFile" type="xs:string" minOccurs="0"/>
          <xs:element name="dataInvio" type="tns:DataMinType" minOccurs="0"/>
          <xs:element name="tipoInvio" minOccurs="0">
            <xs:simpleType><xs:restriction base="xs:string"><xs:length value="1"/></xs:restriction></xs:simpleType>
          </xs:element>
          <xs:element name="listaErroriDocumento" minOccurs="0">
            <xs:complexType><xs:sequence>
              <xs:element name="errore" type="tns:MessaggioType" maxOccurs="unbounded"/>
            </xs:sequence></xs:complexType>
          </xs:element>
        </xs:sequence>
      </xs:complexType>`,
});

/** The practitioner's documents of one month, as a ZIP holding a CSV (fileCSV). */
export const REPORT_MENSILE_WSDL = queryWsdl({
  ns: REPORT_MENSILE_NS,
  service: "ReportMensile730Service",
  port: "ReportMensilePort",
  address: "/ReportMensile730Web/ReportMensilePort",
  operation: "ReportMensile",
  soapAction: "reportmensile.p730.sanita.finanze.it",
  request: "reportMensileRequest",
  response: "reportMensileResponse",
  requestSequence: `${HEAD}
          <xs:element name="annoMese">
            <xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[0-9]{4}(0[1-9]|1[0-2])"/></xs:restriction></xs:simpleType>
          </xs:element>
          <xs:element name="tipoEstrazione">
            <xs:simpleType><xs:restriction base="xs:string"><xs:length value="1"/></xs:restriction></xs:simpleType>
          </xs:element>`,
  responseSequence: `
          <xs:element name="fileCSV" type="xs:base64Binary" minOccurs="0"/>`,
});

/** The citizens' reports (segnalazioni) about one document. Proprietario and its cfProprietario are required here. */
export const DETTAGLIO_SEGNALAZIONE_WSDL = queryWsdl({
  ns: DETTAGLIO_SEGNALAZIONE_NS,
  service: "DettaglioSegnalazione730Service",
  port: "DettaglioSegnalazione730pPort",
  address: "/Interrogazioni730pWeb/DettaglioSegnalazione730pPort",
  operation: "DettaglioSegnalazione",
  soapAction: "dettagliosegnalazione.p730.sanita.finanze.it",
  request: "dettaglioSegnalazioneRequest",
  response: "dettaglioSegnalazioneResponse",
  ownerRequired: true,
  requestSequence: `
          <xs:element name="pincode" type="xs:string"/>
          <xs:element name="Proprietario" type="tns:ProprietarioType"/>
          <xs:element name="idDocumentoFiscale" type="tns:IdDocumentoFiscaleType"/>${OPZIONALI}`,
  responseSequence: `
          <xs:element name="documentoFiscale" type="tns:DocumentoSegnalatoType" minOccurs="0"/>`,
  types: `
      <xs:complexType name="VoceSpesaSegnalazioneType">
        <xs:sequence>
          <xs:element name="tipoSpesa" type="xs:string" minOccurs="0"/>
          <xs:element name="importo" type="xs:double" minOccurs="0"/>
          <xs:element name="segnalazioneImporto" type="xs:string" minOccurs="0"/>
          <xs:element name="segnalazioneTipoVoceSpesa" type="xs:string" minOccurs="0"/>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="DocumentoSegnalatoType">
        <xs:sequence>
          <xs:element name="idDocumentoFiscale" type="tns:IdDocumentoFiscaleType" minOccurs="0"/>
          <xs:element name="dataPagamento" type="tns:DataMinType" minOccurs="0"/>
          <xs:element name="dataInvio" type="tns:DataMinType" minOccurs="0"/>
          <xs:element name="protocollo" type="xs:string" minOccurs="0"/>
          <xs:element name="nomeFile" type="xs:string" minOccurs="0"/>
          <xs:element name="listaSegnalazioniDocumento" minOccurs="0">
            <xs:complexType><xs:sequence>
              <xs:element name="segnalazione" type="xs:string" maxOccurs="unbounded"/>
            </xs:sequence></xs:complexType>
          </xs:element>
          <xs:element name="listaVociSpesa" type="tns:VoceSpesaSegnalazioneType" minOccurs="0" maxOccurs="unbounded"/>
          <xs:element name="listaVociSpesaRimborsate" type="tns:VoceSpesaSegnalazioneType" minOccurs="0" maxOccurs="unbounded"/>
        </xs:sequence>
      </xs:complexType>`,
});

/** The citizens' reports received in a period (dates yyyy-MM-dd), as a CSV (fileCSV). */
export const REPORT_SEGNALAZIONI_WSDL = queryWsdl({
  ns: REPORT_SEGNALAZIONI_NS,
  service: "ReportSegnalazioni730Service",
  port: "ReportSegnalazioni730pPort",
  address: "/Interrogazioni730pWeb/ReportSegnalazioni730pPort",
  operation: "ReportSegnalazioni",
  soapAction: "reportsegnalazioni.p730.sanita.finanze.it",
  request: "reportSegnalazioniRequest",
  response: "reportSegnalazioniResponse",
  ownerRequired: true,
  requestSequence: `
          <xs:element name="pincode" type="xs:string"/>
          <xs:element name="Proprietario" type="tns:ProprietarioType"/>
          <xs:element name="dataIniPeriodoSegnalazione" type="xs:date"/>
          <xs:element name="dataFinPeriodoSegnalazione" type="xs:date"/>${OPZIONALI}`,
  responseSequence: `
          <xs:element name="fileCSV" type="xs:base64Binary" minOccurs="0"/>`,
});
