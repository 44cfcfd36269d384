// Draws Parcella's app icons (favicon, home-screen icons) into public/, with Node alone: a sheet of paper with a
// yellow dot (the STS dot) on the sidebar's navy. Run again after changing the drawing: `node scripts/make-icons.mjs`.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const NAVY = [0x14, 0x24, 0x3a];
const PAPER = [0xff, 0xff, 0xff];
const LINE = [0x9a, 0xa3, 0xae];
const YELLOW = [0xf0, 0xb4, 0x00];

// Colour of the point (x, y) in a unit square; `maskable` keeps the drawing inside the safe circle (80 %).
function colourAt(x, y, maskable) {
  const s = maskable ? 0.8 : 1;
  const u = (x - 0.5) / s + 0.5;
  const v = (y - 0.5) / s + 0.5;
  const inside = (l, t, r, b) => u >= l && u <= r && v >= t && v <= b;
  if (Math.hypot(u - 0.68, v - 0.7) <= 0.13) return YELLOW;
  if (inside(0.25, 0.16, 0.75, 0.84)) {
    for (const top of [0.3, 0.42, 0.54]) if (inside(0.33, top, 0.67, top + 0.045)) return LINE;
    return PAPER;
  }
  return NAVY;
}

function png(size, maskable = false) {
  const samples = 4;
  const raw = Buffer.alloc(size * (size * 3 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0];
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size, maskable);
          for (let i = 0; i < 3; i++) sum[i] += c[i];
        }
      for (let i = 0; i < 3; i++) raw[y * (size * 3 + 1) + 1 + x * 3 + i] = Math.round(sum[i] / samples ** 2);
    }
  }
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

// An .ico holding one PNG image (every current browser reads it).
function ico(image, size) {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(1, 4);
  header[6] = size;
  header[7] = size;
  header.writeUInt16LE(1, 10);
  header.writeUInt16LE(24, 12);
  header.writeUInt32LE(image.length, 14);
  header.writeUInt32LE(22, 18);
  return Buffer.concat([header, image]);
}

writeFileSync("public/favicon.ico", ico(png(32), 32));
writeFileSync("public/icon-192.png", png(192));
writeFileSync("public/icon-512.png", png(512));
writeFileSync("public/icon-maskable-512.png", png(512, true));
writeFileSync("public/apple-touch-icon.png", png(180));
