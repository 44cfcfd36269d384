// Parcella's WSDL of the asynchronous upload service (docs/STS-PROTOCOL.md §3.1). The schema has no elementFormDefault,
// so the children of inviaFileMtom are unqualified; only the wrapper is in the target namespace.
export const INVIO_TELEMATICO_NS = "http://ejb.invioTelematicoSS730p.sanita.finanze.it/";

export const INVIO_TELEMATICO_WSDL = `<?xml version="1.0" encoding="UTF-8"?>
<definitions name="InvioTelematicoSS730pMtomService"
    targetNamespace="${INVIO_TELEMATICO_NS}"
    xmlns="http://schemas.xmlsoap.org/wsdl/"
    xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tns="${INVIO_TELEMATICO_NS}">
  <types>
    <xs:schema targetNamespace="${INVIO_TELEMATICO_NS}" version="1.0">
      <xs:element name="inviaFileMtom" type="tns:inviaFileMtom"/>
      <xs:element name="inviaFileMtomResponse" type="tns:inviaFileMtomResponse"/>
      <xs:complexType name="inviaFileMtom">
        <xs:sequence>
          <xs:element name="nomeFileAllegato" type="tns:tipoNomeFileAllegato"/>
          <xs:element name="pincodeInvianteCifrato" type="xs:string"/>
          <xs:element name="datiProprietario" type="tns:proprietario" minOccurs="0"/>
          <xs:element name="opzionale1" type="xs:string" minOccurs="0"/>
          <xs:element name="opzionale2" type="xs:string" minOccurs="0"/>
          <xs:element name="opzionale3" type="xs:string" minOccurs="0"/>
          <xs:element name="documento" type="xs:base64Binary"/>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="proprietario">
        <xs:sequence>
          <xs:element name="codiceRegione" type="tns:varChar3Type" minOccurs="0"/>
          <xs:element name="codiceAsl" type="tns:varChar3Type" minOccurs="0"/>
          <xs:element name="codiceSSA" type="tns:codSsaType" minOccurs="0"/>
          <xs:element name="cfProprietario" type="tns:cfType" minOccurs="0"/>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="inviaFileMtomResponse">
        <xs:sequence>
          <xs:element name="return" type="tns:ricevutaInvio"/>
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="ricevutaInvio">
        <xs:sequence>
          <xs:element name="codiceEsito" type="xs:string" minOccurs="0"/>
          <xs:element name="dataAccoglienza" type="xs:string" minOccurs="0"/>
          <xs:element name="descrizioneEsito" type="xs:string" minOccurs="0"/>
          <xs:element name="dimensioneFileAllegato" type="xs:string" minOccurs="0"/>
          <xs:element name="nomeFileAllegato" type="xs:string" minOccurs="0"/>
          <xs:element name="protocollo" type="xs:string" minOccurs="0"/>
          <xs:element name="idErrore" type="xs:string" minOccurs="0"/>
        </xs:sequence>
      </xs:complexType>
      <xs:simpleType name="tipoNomeFileAllegato">
        <xs:restriction base="xs:string"><xs:pattern value="\\p{IsBasicLatin}{6,60}"/></xs:restriction>
      </xs:simpleType>
      <xs:simpleType name="varChar3Type">
        <xs:restriction base="xs:string"><xs:pattern value="[A-Z0-9]{3}"/></xs:restriction>
      </xs:simpleType>
      <xs:simpleType name="codSsaType">
        <xs:restriction base="xs:string"><xs:pattern value="[A-Z0-9]{5,6}"/></xs:restriction>
      </xs:simpleType>
      <xs:simpleType name="cfType">
        <xs:restriction base="xs:string"><xs:maxLength value="256"/></xs:restriction>
      </xs:simpleType>
    </xs:schema>
  </types>
  <message name="inviaFileMtom"><part name="parameters" element="tns:inviaFileMtom"/></message>
  <message name="inviaFileMtomResponse"><part name="parameters" element="tns:inviaFileMtomResponse"/></message>
  <portType name="InvioTelematicoSS730pMtom">
    <operation name="inviaFileMtom">
      <input message="tns:inviaFileMtom"/>
      <output message="tns:inviaFileMtomResponse"/>
    </operation>
  </portType>
  <binding name="InvioTelematicoSS730pMtomPortBinding" type="tns:InvioTelematicoSS730pMtom">
    <soap:binding transport="http://schemas.xmlsoap.org/soap/http" style="document"/>
    <operation name="inviaFileMtom">
      <soap:operation soapAction=""/>
      <input><soap:body use="literal"/></input>
      <output><soap:body use="literal"/></output>
    </operation>
  </binding>
  <service name="InvioTelematicoSS730pMtomService">
    <port name="InvioTelematicoSS730pMtomPort" binding="tns:InvioTelematicoSS730pMtomPortBinding">
      <soap:address location="http://localhost:9080/InvioTelematicoSS730pMtomWeb/InvioTelematicoSS730pMtomPort"/>
    </port>
  </service>
</definitions>
`;
