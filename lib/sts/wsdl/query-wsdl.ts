// Builder of Parcella's WSDLs for the STS query services (docs/STS.md, "Query services"):
// InterrogazionePuntuale, ReportMensile, DettaglioSegnalazione, ReportSegnalazioni. Like DocumentoSpesa730p their
// schemas are elementFormDefault="qualified" (every child in the target namespace, which has no trailing slash), each
// request is one wrapper element and each answer carries esitoChiamata and listaMessaggi.

export type QueryWsdl = {
  ns: string;
  /** WSDL service and port names, and the path of the port's address. */
  service: string;
  port: string;
  address: string;
  operation: string;
  soapAction: string;
  request: string;
  response: string;
  /** Sequences of the request and response wrappers (xs:element lines). */
  requestSequence: string;
  responseSequence: string;
  /** Named types the sequences use, beyond the shared ones below. */
  types?: string;
  /** Whether Proprietario/cfProprietario is required (the Segnalazioni schemas) or optional. */
  ownerRequired?: boolean;
};

/** Simple and complex types every query schema shares: owner, document identity, messages. */
function sharedTypes(ownerRequired: boolean): string {
  return `
      <xs:simpleType name="String11Type"><xs:restriction base="xs:string"><xs:pattern value="[0-9]{11}"/></xs:restriction></xs:simpleType>
      <xs:simpleType name="String3Type"><xs:restriction base="xs:string"><xs:pattern value="[A-Z0-9]{3}"/></xs:restriction></xs:simpleType>
      <xs:simpleType name="String6Type"><xs:restriction base="xs:string"><xs:pattern value="[A-Z0-9]{5,6}"/></xs:restriction></xs:simpleType>
      <xs:simpleType name="CfType"><xs:restriction base="xs:string"><xs:maxLength value="256"/></xs:restriction></xs:simpleType>
      <xs:simpleType name="DataMinType"><xs:restriction base="xs:date"><xs:minInclusive value="2014-01-01"/></xs:restriction></xs:simpleType>
      <xs:simpleType name="Int3Type"><xs:restriction base="xs:int"><xs:minInclusive value="1"/><xs:maxInclusive value="999"/></xs:restriction></xs:simpleType>
      <xs:simpleType name="NumDocType"><xs:restriction base="xs:string"><xs:pattern value="[A-Za-z0-9_./\\\\-]{1,20}"/></xs:restriction></xs:simpleType>
      <xs:complexType name="ProprietarioType">
        <xs:sequence>
          <xs:element name="codiceRegione" type="tns:String3Type" minOccurs="0"/>
          <xs:element name="codiceAsl" type="tns:String3Type" minOccurs="0"/>
          <xs:element name="codiceSSA" type="tns:String6Type" minOccurs="0"/>
          <xs:element name="cfProprietario" type="tns:CfType"${ownerRequired ? "" : ' minOccurs="0"'}/>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="IdDocumentoFiscaleType">
        <xs:sequence>
          <xs:element name="pIva" type="tns:String11Type"/>
          <xs:element name="dataEmissione" type="tns:DataMinType"/>
          <xs:element name="numDocumentoFiscale">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="dispositivo" type="tns:Int3Type"/>
                <xs:element name="numDocumento" type="tns:NumDocType"/>
              </xs:sequence>
            </xs:complexType>
          </xs:element>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="MessaggioType">
        <xs:sequence>
          <xs:element name="codice" type="xs:string"/>
          <xs:element name="descrizione" type="xs:string"/>
          <xs:element name="tipo" type="xs:string"/>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="ListaMessaggiType">
        <xs:sequence><xs:element name="messaggio" type="tns:MessaggioType" maxOccurs="unbounded"/></xs:sequence>
      </xs:complexType>`;
}

/** The three optional fields every STS request carries "per usi futuri". */
export const OPZIONALI = `
          <xs:element name="opzionale1" type="xs:string" minOccurs="0"/>
          <xs:element name="opzionale2" type="xs:string" minOccurs="0"/>
          <xs:element name="opzionale3" type="xs:string" minOccurs="0"/>`;

export function queryWsdl(w: QueryWsdl): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions name="${w.service}" targetNamespace="${w.ns}"
    xmlns="http://schemas.xmlsoap.org/wsdl/"
    xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tns="${w.ns}">
  <types>
    <xs:schema targetNamespace="${w.ns}" elementFormDefault="qualified">
      <xs:element name="${w.request}">
        <xs:complexType>
          <xs:sequence>${w.requestSequence}
          </xs:sequence>
        </xs:complexType>
      </xs:element>
      <xs:element name="${w.response}">
        <xs:complexType>
          <xs:sequence>
          <xs:element name="esitoChiamata" type="xs:string"/>${w.responseSequence}
          <xs:element name="listaMessaggi" type="tns:ListaMessaggiType"/>
          </xs:sequence>
        </xs:complexType>
      </xs:element>${sharedTypes(w.ownerRequired ?? false)}${w.types ?? ""}
    </xs:schema>
  </types>
  <message name="${w.operation}Request"><part name="parameters" element="tns:${w.request}"/></message>
  <message name="${w.operation}Response"><part name="parameters" element="tns:${w.response}"/></message>
  <portType name="${w.port}">
    <operation name="${w.operation}"><input message="tns:${w.operation}Request"/><output message="tns:${w.operation}Response"/></operation>
  </portType>
  <binding name="${w.port}Binding" type="tns:${w.port}">
    <soap:binding transport="http://schemas.xmlsoap.org/soap/http" style="document"/>
    <operation name="${w.operation}">
      <soap:operation soapAction="${w.soapAction}"/>
      <input><soap:body use="literal"/></input>
      <output><soap:body use="literal"/></output>
    </operation>
  </binding>
  <service name="${w.service}">
    <port name="${w.port}" binding="tns:${w.port}Binding">
      <soap:address location="http://localhost:9080${w.address}"/>
    </port>
  </service>
</definitions>
`;
}
