import { XMLParser, XMLValidator } from "fast-xml-parser";

/** An XML element with namespace prefixes removed: parsing is namespace-agnostic on purpose (docs/STS-PROTOCOL.md
 * §3.5). */
export type XmlNode = {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  /** Concatenated text content directly inside this element, trimmed. */
  text: string;
};

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
});

type RawNode = Record<string, unknown>;

function convert(raw: RawNode): XmlNode | null {
  const name = Object.keys(raw).find((key) => key !== ":@");
  if (!name || name === "#text" || name.startsWith("?")) return null;
  const body = (raw[name] as RawNode[]) ?? [];
  const children: XmlNode[] = [];
  let text = "";
  for (const item of body) {
    if ("#text" in item) text += String(item["#text"]);
    else {
      const child = convert(item);
      if (child) children.push(child);
    }
  }
  return { name, attributes: (raw[":@"] as Record<string, string>) ?? {}, children, text: text.trim() };
}

/** Parses a well-formed XML document and returns its root element, or throws with the parser's reason. */
export function parseXml(xml: string): XmlNode {
  const check = XMLValidator.validate(xml);
  if (check !== true) throw new Error(`XML non valido: ${check.err.msg} (riga ${check.err.line})`);
  const roots = (parser.parse(xml) as RawNode[]).map(convert).filter((n): n is XmlNode => n !== null);
  if (roots.length !== 1) throw new Error("XML non valido: serve un solo elemento radice");
  return roots[0];
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

export function childrenNamed(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

export function childText(node: XmlNode | undefined, name: string): string | undefined {
  return child(node, name)?.text;
}

/** Depth-first search for the first element with this local name (the node itself included). */
export function findFirst(node: XmlNode | undefined, name: string): XmlNode | undefined {
  if (!node) return undefined;
  if (node.name === name) return node;
  for (const c of node.children) {
    const found = findFirst(c, name);
    if (found) return found;
  }
  return undefined;
}

export function escapeXml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** Tiny element writer: `el('a', 'text')` or `el('a', [el('b', 'x')])`; undefined children are skipped. */
export function el(name: string, content: string | Array<string | undefined>): string {
  if (typeof content === "string") return `<${name}>${escapeXml(content)}</${name}>`;
  return `<${name}>${content.filter((c) => c !== undefined).join("")}</${name}>`;
}
