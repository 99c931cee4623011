#!/usr/bin/env node
// Draws the toolbar/store icons (a lens over a page) at every size the stores ask for, so the
// icons are reproducible from source instead of being binary blobs nobody can change.
// Usage: node scripts/make-icons.mjs  -> public/icons/icon-{16,32,48,128}.png
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const SIZES = [16, 32, 48, 128];
const BLUE = [29, 78, 216];
const PAGE = [255, 255, 255];
const LINE = [148, 163, 184];
const MARK = [253, 224, 71];

function crc32(buf) {
  let c,
    crc = 0xffffffff;
  for (const b of buf) {
    c = (crc ^ b) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      // 4x4 supersampling for smooth edges at 16 px.
      let acc = [0, 0, 0, 0];
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const p = pixel((x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size);
          if (p) {
            acc[0] += p[0];
            acc[1] += p[1];
            acc[2] += p[2];
            acc[3] += 255;
          }
        }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const a = acc[3] / 16;
      raw[o] = a ? Math.round(acc[0] / (acc[3] / 255)) : 0;
      raw[o + 1] = a ? Math.round(acc[1] / (acc[3] / 255)) : 0;
      raw[o + 2] = a ? Math.round(acc[2] / (acc[3] / 255)) : 0;
      raw[o + 3] = Math.round(a);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function icon(x, y) {
  // Rounded blue tile.
  const r = 0.18,
    inX = Math.min(Math.max(x, r), 1 - r),
    inY = Math.min(Math.max(y, r), 1 - r);
  if (Math.hypot(x - inX, y - inY) > r) return null;
  // Lens ring and handle.
  const cx = 0.44,
    cy = 0.42,
    d = Math.hypot(x - cx, y - cy);
  if (d > 0.22 && d < 0.3) return PAGE;
  const hx = x - cy,
    hy = y - cx; // handle along the diagonal
  const t = (x + y - (cx + cy)) / Math.SQRT2,
    n = Math.abs(x - y - (cx - cy)) / Math.SQRT2;
  if (t > 0.3 && t < 0.5 && n < 0.06 && hx + hy > 0) return PAGE;
  if (d <= 0.22) {
    // Inside the lens: a highlighted line of text.
    if (Math.abs(y - cy) < 0.05 && Math.abs(x - cx) < 0.15) return MARK;
    if (Math.abs(y - (cy - 0.11)) < 0.025 && Math.abs(x - cx) < 0.12) return LINE;
    if (Math.abs(y - (cy + 0.11)) < 0.025 && Math.abs(x - cx) < 0.12) return LINE;
    return [45, 98, 230];
  }
  return BLUE;
}

mkdirSync(new URL('../public/icons/', import.meta.url), { recursive: true });
for (const size of SIZES) {
  writeFileSync(new URL(`../public/icons/icon-${size}.png`, import.meta.url), png(size, icon));
}
console.log(`wrote ${SIZES.map((s) => `icon-${s}.png`).join(', ')}`);
