import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkBuild, collectFiles, crc32, excludedBecause, zip } from '../../scripts/package.mjs';
import { crc32 as coreCrc32 } from '../../src/core/zip/crc32';
import { listZip, readZip } from '../../src/core/zip/read-zip';

const SCRIPT = fileURLToPath(new URL('../../scripts/package.mjs', import.meta.url));
const hasUnzip = spawnSync('unzip', ['-v']).status === 0;
const text = (s: string) => new TextEncoder().encode(s);

// Invented build output: nested folders, a binary file, text that deflates and bytes that do not.
let seed = 0x2545f491;
const incompressible = Uint8Array.from({ length: 300 }, () => {
  // xorshift32: bytes with no pattern deflate could use
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return seed & 0xff;
});
const FILES = [
  { name: 'manifest.json', data: text('{"manifest_version":3,"version":"1.2.3"}\n') },
  { name: 'assets/app-1a2b.js', data: text('console.log("kb lens");\n'.repeat(200)) },
  { name: '_locales/en/messages.json', data: text('{"extName":{"message":"KB Lens"}}') },
  { name: 'icons/icon-16.png', data: incompressible },
  { name: 'empty.txt', data: new Uint8Array(0) },
];

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'kblens-package-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function writeTree(root: string, files: { name: string; data: Uint8Array }[]): void {
  for (const f of files) {
    mkdirSync(dirname(join(root, f.name)), { recursive: true });
    writeFileSync(join(root, f.name), f.data);
  }
}

describe('crc32', () => {
  it('gives the standard check value and agrees with the core reader', () => {
    expect(crc32(text('123456789'))).toBe(0xcbf43926);
    for (const f of FILES) expect(crc32(f.data)).toBe(coreCrc32(f.data));
  });
});

describe('zip', () => {
  const bytes = zip(FILES);

  it('reads back with the project reader: same names (sorted), same bytes, CRCs verified', async () => {
    const entries = listZip(bytes);
    expect(entries.map((e) => e.name)).toEqual([...FILES.map((f) => f.name)].sort());
    // Text is deflated; bytes that would grow are stored.
    expect(entries.find((e) => e.name === 'assets/app-1a2b.js')!.method).toBe(8);
    expect(entries.find((e) => e.name === 'icons/icon-16.png')!.method).toBe(0);
    const back = new Map((await readZip(bytes)).map((f) => [f.name, f.data]));
    for (const f of FILES) expect(Buffer.from(back.get(f.name)!), f.name).toEqual(Buffer.from(f.data));
  });

  it('is deterministic: the same files in any order give the same bytes', () => {
    expect(Buffer.compare(zip([...FILES].reverse()), bytes)).toBe(0);
  });

  it('refuses names that would escape the folder or collide', () => {
    expect(() => zip([{ name: '../evil.js', data: text('x') }])).toThrow(/unsafe/);
    expect(() => zip([{ name: '/abs.js', data: text('x') }])).toThrow(/unsafe/);
    expect(() =>
      zip([
        { name: 'a.js', data: text('x') },
        { name: 'a.js', data: text('y') },
      ]),
    ).toThrow(/duplicate/);
  });

  it.skipIf(!hasUnzip)('passes Info-ZIP unzip: integrity test, listing with 1980 dates, contents', () => {
    const file = join(work, 'roundtrip.zip');
    writeFileSync(file, bytes);
    expect(execFileSync('unzip', ['-t', file]).toString()).toMatch(/No errors detected/);
    const listing = execFileSync('unzip', ['-l', file]).toString();
    for (const f of FILES)
      expect(listing).toMatch(new RegExp(`1980-01-01 00:00\\s+${f.name.replace(/[.]/g, '\\.')}\\n`));
    expect(execFileSync('unzip', ['-p', file, 'assets/app-1a2b.js'])).toEqual(Buffer.from(FILES[1]!.data));
    expect(execFileSync('unzip', ['-p', file, 'icons/icon-16.png'])).toEqual(Buffer.from(incompressible));
    // Unix mode 0644 in the external attributes, so unpacked files are not executable or private.
    expect(execFileSync('zipinfo', [file, 'manifest.json']).toString()).toMatch(/^-rw-r--r--/);
  });
});

describe('what goes into a store package', () => {
  it('leaves out source maps, test files and hidden files', () => {
    expect(excludedBecause('assets/app.js.map')).toBe('source map');
    expect(excludedBecause('assets/lens.test.js')).toBe('test file');
    expect(excludedBecause('tests/e2e/page.html')).toBe('test file');
    expect(excludedBecause('.vite/manifest.json')).toBe('hidden file');
    expect(excludedBecause('assets/app.js')).toBeNull();
    expect(excludedBecause('index/shards/227.json')).toBeNull();
  });

  it('collects a build folder with "/" names and reports what it left out', () => {
    const dist = join(work, 'collect');
    writeTree(dist, [...FILES, { name: 'assets/app-1a2b.js.map', data: text('{}') }]);
    const { files, skipped } = collectFiles(dist);
    expect(files.map((f) => f.name).sort()).toEqual(FILES.map((f) => f.name).sort());
    expect(skipped).toEqual([{ name: 'assets/app-1a2b.js.map', why: 'source map' }]);
  });

  it('refuses a stale build, the end-to-end build and the wrong browser', () => {
    const dir = join(work, 'check');
    const write = (m: object) => writeTree(dir, [{ name: 'manifest.json', data: text(JSON.stringify(m)) }]);
    write({ version: '1.0.0' });
    expect(() => checkBuild(dir, 'chrome', '1.0.1')).toThrow(/stale/);
    write({ version: '1.0.0', host_permissions: ['http://127.0.0.1/*'] });
    expect(() => checkBuild(dir, 'chrome', '1.0.0')).toThrow(/test build/);
    write({ version: '1.0.0', host_permissions: ['https://acme.zendesk.com/*'] });
    expect(() => checkBuild(dir, 'chrome', '1.0.0')).not.toThrow(); // a team's preset sites are fine
    expect(() => checkBuild(dir, 'firefox', '1.0.0')).toThrow(/not a firefox build/);
  });
});

describe('npm run package (scripts/package.mjs)', () => {
  it('writes both packages from dist/ and dist-firefox/, byte-identical on a second run', () => {
    const root = join(work, 'repo');
    writeTree(root, [{ name: 'package.json', data: text('{"version":"1.2.3"}') }]);
    writeTree(join(root, 'dist'), [...FILES, { name: 'assets/app-1a2b.js.map', data: text('{}') }]);
    const firefoxManifest = { version: '1.2.3', browser_specific_settings: { gecko: { id: 'kblens@kblens.invalid' } } };
    writeTree(join(root, 'dist-firefox'), [
      ...FILES.slice(1),
      { name: 'manifest.json', data: text(JSON.stringify(firefoxManifest)) },
    ]);

    const run = () => execFileSync(process.execPath, [SCRIPT], { cwd: root }).toString();
    const out = run();
    expect(out).toMatch(/artifacts\/kblens-chrome-1\.2\.3\.zip: 5 files/);
    expect(out).toMatch(/left out assets\/app-1a2b\.js\.map \(source map\)/);
    const chrome = readFileSync(join(root, 'artifacts/kblens-chrome-1.2.3.zip'));
    const firefox = readFileSync(join(root, 'artifacts/kblens-firefox-1.2.3.zip'));
    expect(listZip(chrome).map((e) => e.name)).not.toContain('assets/app-1a2b.js.map');
    expect(listZip(firefox).map((e) => e.name)).toContain('manifest.json');

    run();
    expect(Buffer.compare(readFileSync(join(root, 'artifacts/kblens-chrome-1.2.3.zip')), chrome)).toBe(0);
    expect(Buffer.compare(readFileSync(join(root, 'artifacts/kblens-firefox-1.2.3.zip')), firefox)).toBe(0);
  });

  it('fails with a message, not a package, when a build is missing', () => {
    const root = join(work, 'unbuilt');
    writeTree(root, [{ name: 'package.json', data: text('{"version":"1.2.3"}') }]);
    const r = spawnSync(process.execPath, [SCRIPT], { cwd: root });
    expect(r.status).toBe(1);
    expect(r.stderr.toString()).toMatch(/no manifest\.json: build it first/);
    expect(existsSync(join(root, 'artifacts'))).toBe(false);
  });
});
