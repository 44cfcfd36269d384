export type MimePart = { headers: Record<string, string>; body: Buffer };

function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

export function contentTypeParam(contentType: string, name: string): string | undefined {
  const match = new RegExp(`${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, "i").exec(contentType);
  return match ? (match[1] ?? match[2]) : undefined;
}

/** Splits a multipart/related (MTOM/XOP) body into its parts, keeping binary bodies intact. */
export function parseMultipart(body: Buffer, boundary: string): MimePart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MimePart[] = [];
  let position = body.indexOf(delimiter);
  while (position >= 0) {
    const start = position + delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    let chunk = body.subarray(start, next);
    chunk = chunk.subarray(chunk[0] === 13 ? 2 : chunk[0] === 10 ? 1 : 0); // line break after the boundary
    const headerEnd = chunk.indexOf("\r\n\r\n") >= 0 ? chunk.indexOf("\r\n\r\n") : chunk.indexOf("\n\n");
    if (headerEnd >= 0) {
      const separator = chunk[headerEnd] === 13 ? 4 : 2;
      let partBody = chunk.subarray(headerEnd + separator);
      // Strip the line break that precedes the next boundary.
      if (partBody.subarray(-2).toString() === "\r\n") partBody = partBody.subarray(0, -2);
      else if (partBody.subarray(-1).toString() === "\n") partBody = partBody.subarray(0, -1);
      parts.push({ headers: parseHeaders(chunk.subarray(0, headerEnd).toString("latin1")), body: partBody });
    }
    position = next;
  }
  return parts;
}

export function contentIdOf(part: MimePart): string {
  return (part.headers["content-id"] ?? "").replace(/^<|>$/g, "");
}
