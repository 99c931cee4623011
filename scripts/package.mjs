#!/usr/bin/env node
// Store packages: artifacts/kblens-chrome-<version>.zip and artifacts/kblens-firefox-<version>.zip,
// zipped from dist/ and dist-firefox/ (build them first: npm run build).
//
// The zip writer is our own (node:zlib + CRC-32, no dependency) so that the same build gives the
// same bytes: entries sorted by name, every timestamp 1980-01-01 00:00, fixed permissions, no
// extra fields. Reviewers (AMO asks for it) and CI can then compare a package with a rebuild.
// Usage: node scripts/package.mjs            (from the repository root)
import { deflateRawSync } from 'node:zlib';
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative, sep, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let crcTable = null;

/** CRC-32 (IEEE 802.3), the zip checksum. */
export function crc32(data) {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// MS-DOS date and time of 1980-01-01 00:00:00, the earliest a zip can say: no build time leaks in.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
// "Made by" Unix (3), spec 2.0, so that the external attributes below are read as a Unix mode.
const MADE_BY = (3 << 8) | 20;
const NEEDED = 20;
const FILE_MODE = 0o100644;
const UTF8_NAMES = 0x0800;

/**
 * A zip archive of `files` ({ name: "a/b.js", data: Uint8Array }), deterministic: sorted by name,
 * deflated (or stored when deflate does not help), fixed timestamps and modes. No ZIP64, so the
 * whole archive and every entry must stay under 4 GiB and 65,535 entries (ours are a few MB).
 */
export function zip(files) {
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const seen = new Set();
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of sorted) {
    if (!name || name.startsWith('/') || name.includes('\\') || name.split('/').includes('..')) {
      throw new Error(`zip: unsafe entry name "${name}"`);
    }
    if (seen.has(name)) throw new Error(`zip: duplicate entry "${name}"`);
    seen.add(name);
    const nameBytes = Buffer.from(name, 'utf8');
    const raw = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const deflated = deflateRawSync(raw, { level: 9 });
    const stored = deflated.length >= raw.length;
    const body = stored ? raw : deflated;
    const method = stored ? 0 : 8;
    const crc = crc32(raw);
    const flags = /[^\x20-\x7e]/.test(name) ? UTF8_NAMES : 0;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(NEEDED, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBytes, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(MADE_BY, 4);
    central.writeUInt16LE(NEEDED, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    // extra length, comment length, disk number, internal attributes: all 0 (already zeroed)
    central.writeUInt32LE((FILE_MODE << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);

    offset += local.length + nameBytes.length + body.length;
    if (offset > 0xffffffff) throw new Error('zip: archive over 4 GiB needs ZIP64, which this writer does not do');
  }
  if (sorted.length > 0xffff) throw new Error('zip: more than 65,535 entries needs ZIP64');
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(sorted.length, 8);
  end.writeUInt16LE(sorted.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** Why a built file must not go into a store package, or null when it belongs there. */
export function excludedBecause(name) {
  const parts = name.split('/');
  const base = parts[parts.length - 1];
  if (base.endsWith('.map')) return 'source map';
  if (/\.(test|spec|e2e)\.[cm]?[jt]sx?$/.test(base) || parts.some((p) => p === 'tests' || p === '__tests__'))
    return 'test file';
  if (parts.some((p) => p.startsWith('.'))) return 'hidden file'; // .vite/manifest.json, .DS_Store
  return null;
}

/** Files under `dir` as zip entries ("/"-separated names), and what was left out and why. */
export function collectFiles(dir) {
  const files = [];
  const skipped = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const name = relative(dir, full).split(sep).join('/');
        const why = excludedBecause(name);
        if (why) skipped.push({ name, why });
        else files.push({ name, data: readFileSync(full) });
      }
    }
  };
  walk(dir);
  return { files, skipped };
}

const LOOPBACK = /^(\*|https?):\/\/(127\.0\.0\.1|localhost)\//;

/** Checks that `dir` holds a finished build of `target` for `version`; returns its manifest. */
export function checkBuild(dir, target, version) {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) throw new Error(`${dir}/ has no manifest.json: build it first (npm run build)`);
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  if (manifest.version !== version) {
    throw new Error(
      `${dir}/manifest.json says version ${manifest.version}, package.json ${version}: the build is stale (npm run build)`,
    );
  }
  const loopback = (manifest.host_permissions ?? []).filter((p) => LOOPBACK.test(p));
  if (loopback.length) {
    // npm test leaves the end-to-end build (preset http://127.0.0.1/*) in dist/: never ship that.
    throw new Error(
      `${dir}/ is a test build (host_permissions ${loopback.join(', ')}): run npm run build, then package`,
    );
  }
  const isFirefox = Boolean(manifest.browser_specific_settings?.gecko?.id);
  if (isFirefox !== (target === 'firefox')) throw new Error(`${dir}/ is not a ${target} build`);
  return manifest;
}

/** Writes <out>/kblens-<target>-<version>.zip from the build in `dir`. */
export function packageBuild({ dir, target, version, out }) {
  checkBuild(dir, target, version);
  const { files, skipped } = collectFiles(dir);
  const bytes = zip(files);
  mkdirSync(out, { recursive: true });
  const file = join(out, `kblens-${target}-${version}.zip`);
  writeFileSync(file, bytes);
  const unpacked = files.reduce((n, f) => n + f.data.length, 0);
  return { file, size: bytes.length, unpacked, entries: files.length, skipped };
}

function main() {
  const root = process.cwd();
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const out = join(root, 'artifacts');
  for (const [target, dir] of [
    ['chrome', 'dist'],
    ['firefox', 'dist-firefox'],
  ]) {
    const r = packageBuild({ dir: join(root, dir), target, version, out });
    const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
    console.log(`${relative(root, r.file)}: ${r.entries} files, ${kb(r.unpacked)} -> ${kb(r.size)}`);
    for (const s of r.skipped) console.log(`  left out ${s.name} (${s.why})`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (e) {
    console.error(`package: ${e.message}`);
    process.exit(1);
  }
}
