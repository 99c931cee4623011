/**
 * Hostile input as a standing test: seeded property tests over every reader of outside text.
 * Each property says no exception escapes (or only the reader's own named error), and where a
 * reader promises something about its output (spans inside the text, sorted, non-overlapping,
 * lines in range, only valid patterns kept) that it holds. Seed and size: FUZZ_SEED, FUZZ_RUNS.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { parseArticle } from '../../src/core/article/parse-article';
import { readMail } from '../../src/core/inputs/mime';
import { decodeEntities, htmlToText } from '../../src/core/inputs/html-text';
import { readCsvExport, readJsonLinesExport } from '../../src/core/inputs/ticket-export';
import { readZip, ZipError } from '../../src/core/zip/read-zip';
import { isSitePattern, matchesPattern } from '../../src/core/match-pattern';
import { readPolicy, readSettingsPatch } from '../../src/core/policy';
import { HOVER_DELAY_RANGE, readSettings } from '../../src/core/settings';
import { readSettingsFile } from '../../src/options/TransferSection';
import { readCorpus } from '../../src/cli/corpus/read-corpus';
import { scan } from '../core/match/helpers';
import { makeZip } from '../core/zip/make-zip';
import { fixtureText } from '../core/article/fixture';
import { hostileText, mutationOf, PARAMS, RUNS, SEED } from './arbitraries';

const started = performance.now();
let cases = 0;
const counted =
  <T extends unknown[]>(f: (...a: T) => void) =>
  (...a: T): void => {
    cases++;
    f(...a);
  };
const countedAsync =
  <T extends unknown[]>(f: (...a: T) => Promise<void>) =>
  (...a: T): Promise<void> => {
    cases++;
    return f(...a);
  };
afterAll(() => {
  // The size and time of this run, for the record (never asserted).
  console.info(
    `fuzz: ${cases} cases, seed ${SEED}, ${RUNS} runs per property, ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
});

const ARTICLES = [
  'exchange-sp-boxed.md',
  'nt-hotfix-columns.md',
  'per-product-blocks.md',
  'mspl.md',
  'workaround.md',
].map(fixtureText);

describe('fuzz: article parser', () => {
  it('never throws on hostile text, and an accepted article has a Q-number and a title', () => {
    fc.assert(
      fc.property(
        hostileText(200),
        counted((text: string) => {
          const r = parseArticle(text, 'kbarchive/kb/000/Q0/README.md');
          if (r.ok) {
            expect(r.record.q).toMatch(/^Q\d+$/);
            expect(typeof r.record.title).toBe('string');
          } else expect(r.error.message).toEqual(expect.any(String));
        }),
      ),
      PARAMS,
    );
  });

  it('never throws on mutated real-format articles', () => {
    const enc = new TextEncoder();
    const dec = new TextDecoder();
    fc.assert(
      fc.property(
        fc.constantFrom(...ARTICLES).chain((a) => mutationOf(enc.encode(a))),
        counted((bytes: Uint8Array) => {
          const r = parseArticle(dec.decode(bytes), 'kbarchive/kb/000/Q0/README.md');
          expect(typeof r.ok).toBe('boolean');
        }),
      ),
      PARAMS,
    );
  });
});

describe('fuzz: matcher', () => {
  it('returns spans inside the text, equal to their text, sorted and non-overlapping', () => {
    fc.assert(
      fc.property(
        hostileText(300),
        counted((text: string) => {
          const matches = scan(text);
          let end = 0;
          for (const m of matches) {
            expect(m.start).toBeGreaterThanOrEqual(end);
            expect(m.end).toBeGreaterThan(m.start);
            expect(m.end).toBeLessThanOrEqual(text.length);
            expect(text.slice(m.start, m.end)).toBe(m.text);
            end = m.end;
          }
        }),
      ),
      PARAMS,
    );
  });
});

describe('fuzz: mail, HTML and ticket exports', () => {
  it('readMail and htmlToText never throw and return text', () => {
    fc.assert(
      fc.property(
        hostileText(200),
        counted((text: string) => {
          const mail = readMail(text);
          expect(typeof mail.text).toBe('string');
          expect(typeof htmlToText(text)).toBe('string');
          expect(typeof decodeEntities(text)).toBe('string');
        }),
      ),
      PARAMS,
    );
  });

  it('a MIME message with hostile parts never throws', () => {
    const mail = (body: string, enc: string) =>
      `From: a@b\nSubject: =?utf-8?Q?${body.slice(0, 40)}?=\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: ${enc}\n\n${body}\n--b--\n`;
    fc.assert(
      fc.property(
        hostileText(100),
        fc.constantFrom('base64', 'quoted-printable', '8bit', 'x-uue'),
        counted((body: string, enc: string) => {
          expect(typeof readMail(mail(body, enc)).text).toBe('string');
        }),
      ),
      PARAMS,
    );
  });

  it('CSV: every ticket and problem has a line inside the file, tickets in order', () => {
    fc.assert(
      fc.property(
        hostileText(150),
        counted((body: string) => {
          const csv = `id,body\n${body}`;
          const lines = csv.split(/\r\n|\r|\n/).length;
          const { tickets, problems } = readCsvExport(csv);
          let last = 1;
          for (const t of tickets) {
            expect(t.line).toBeGreaterThan(last);
            expect(t.line).toBeLessThanOrEqual(lines);
            last = t.line;
          }
          for (const p of problems) expect(p.line).toBeLessThanOrEqual(lines);
        }),
      ),
      PARAMS,
    );
  });

  it('JSON lines: never throws; a ticket or a problem per non-blank line, in order', () => {
    fc.assert(
      fc.property(
        hostileText(150),
        counted((text: string) => {
          const { tickets, problems } = readJsonLinesExport(text);
          const lines = text.split('\n');
          const nonBlank = lines.filter((l) => l.trim()).length;
          expect(tickets.length + problems.length).toBe(nonBlank);
          for (const t of tickets) expect(t.line).toBeLessThanOrEqual(lines.length);
        }),
      ),
      PARAMS,
    );
  });
});

describe('fuzz: archives', () => {
  const good = makeZip([
    { name: 'a.md', data: ARTICLES[0]! },
    { name: 'b/c.md', data: ARTICLES[1]!, method: 0 },
    { name: 'pic.bin', data: new Uint8Array(3000) },
  ]);

  it('zip: a mutated archive is read or refused with a ZipError, never anything else', async () => {
    await fc.assert(
      fc.asyncProperty(
        mutationOf(good),
        countedAsync(async (bytes: Uint8Array) => {
          try {
            const files = await readZip(bytes, { maxEntries: 50, maxEntryBytes: 1 << 20, maxTotalBytes: 4 << 20 });
            for (const f of files) expect(f.data.length).toBeLessThanOrEqual(1 << 20);
          } catch (e) {
            expect(e).toBeInstanceOf(ZipError);
          }
        }),
      ),
      PARAMS,
    );
  });

  it('zip: a deflate stream of hostile bytes is refused with a ZipError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2000 }),
        countedAsync(async (raw: Uint8Array) => {
          const zip = makeZip([{ name: 'x.md', data: 'x', declaredSize: 100 }]);
          // Put the hostile bytes where the entry's deflate data would be, sizes unchanged.
          const body = deflateRawSync(Buffer.from('x'));
          const forged = zip.slice();
          forged.set(raw.subarray(0, body.length), 30 + 4);
          await readZip(forged).then(
            () => {},
            (e) => expect(e).toBeInstanceOf(ZipError),
          );
        }),
      ),
      PARAMS,
    );
  });

  it('tar: a mutated corpus tarball yields articles or stops with a named corrupt-archive error', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kblens-fuzz-tar-'));
    for (const [i, a] of ARTICLES.entries()) {
      mkdirSync(join(root, 'kb', '000', `Q${i}`), { recursive: true });
      writeFileSync(join(root, 'kb', '000', `Q${i}`, 'README.md'), a);
    }
    execFileSync('tar', ['-cf', join(root, 'good.tar'), '-C', root, 'kb']);
    const tar = new Uint8Array(readFileSync(join(root, 'good.tar')));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        mutationOf(tar),
        countedAsync(async (bytes: Uint8Array) => {
          const file = join(root, `m${n++}.tar`);
          writeFileSync(file, bytes);
          try {
            for await (const f of readCorpus(file, 1 << 20)) expect(f.text ?? f.error).toEqual(expect.any(String));
          } catch (e) {
            expect((e as Error).message).toMatch(/corrupt tar archive/);
          }
        }),
      ),
      { ...PARAMS, numRuns: Math.min(PARAMS.numRuns, 60) },
    );
  });
});

describe('fuzz: settings, policy and site patterns', () => {
  const value = fc.oneof(
    fc.anything(),
    fc.jsonValue(),
    fc.record(
      {
        sites: fc.array(fc.oneof(hostileText(10), fc.anything()), { maxLength: 5 }),
        settings: fc.anything(),
        lockSettings: fc.anything(),
        hoverDelayMs: fc.oneof(fc.integer(), fc.double(), fc.string()),
        kinds: fc.dictionary(fc.string(), fc.anything()),
      },
      { requiredKeys: [] },
    ),
  );

  it('reading settings, a settings file or a policy never throws and keeps only valid values', () => {
    fc.assert(
      fc.property(
        value,
        counted((v: unknown) => {
          const { settings } = readSettings(v);
          expect(settings.hoverDelayMs).toBeGreaterThanOrEqual(HOVER_DELAY_RANGE.min);
          expect(settings.hoverDelayMs).toBeLessThanOrEqual(HOVER_DELAY_RANGE.max);
          readSettingsPatch(v);
          const policy = readPolicy(v);
          for (const site of policy.sites) expect(isSitePattern(site)).toBe(true);
          let text: string;
          try {
            text = JSON.stringify(v) ?? 'null';
          } catch {
            text = String(v);
          }
          readSettingsFile(text);
        }),
      ),
      PARAMS,
    );
  });

  it('matching any URL against any pattern never throws', () => {
    fc.assert(
      fc.property(
        hostileText(20),
        hostileText(20),
        counted((url: string, pattern: string) => {
          expect(typeof matchesPattern(url, pattern)).toBe('boolean');
          expect(typeof matchesPattern(`https://x.example/${url}`, `https://x.example/${pattern}`)).toBe('boolean');
        }),
      ),
      PARAMS,
    );
  });
});
