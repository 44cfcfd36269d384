// A file download: private, never cached, saved under the given name.
export function downloadResponse(
  body: Uint8Array | string,
  options: { contentType: string; fileName: string },
): Response {
  return new Response(typeof body === "string" ? body : Buffer.from(body), {
    headers: {
      "Content-Type": options.contentType,
      "Content-Disposition": `attachment; filename="${options.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
