import { deflateRawSync } from 'node:zlib';
import { crc32 } from '../../../src/core/zip/crc32';

/** Builds a zip in memory for tests: stored or deflate entries, with optional lies in the headers. */
export interface TestEntry {
  name: string;
  data: Uint8Array | string;
  method?: 0 | 8;
  /** Overrides written into the central directory (to forge bombs and damage). */
  declaredSize?: number;
  crc?: number;
  /** Already compressed bytes to store as the entry's data (a bomb made by streaming). */
  body?: Uint8Array;
  /** Write no local entry; point the central entry at entry n's local header (a forged overlap). */
  pointsTo?: number;
}

export function makeZip(entries: TestEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  const starts: number[] = [];
  for (const e of entries) {
    const data = typeof e.data === 'string' ? enc.encode(e.data) : e.data;
    const method = e.method ?? 8;
    const body = e.body ?? (method === 8 ? new Uint8Array(deflateRawSync(data)) : data);
    const name = enc.encode(e.name);
    const crc = e.crc ?? crc32(data);
    const size = e.declaredSize ?? data.length;
    const local = new Uint8Array(30 + name.length + body.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, method, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    local.set(body, 30 + name.length);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, body.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, e.pointsTo === undefined ? offset : starts[e.pointsTo]!, true);
    central.set(name, 46);
    starts.push(offset);
    centrals.push(central);
    if (e.pointsTo !== undefined) continue;
    locals.push(local);
    offset += local.length;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let at = 0;
  for (const part of [...locals, ...centrals, eocd]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
