/**
 * Guard for matcher optimisations: `kblens scan --json` output (and the raw scanText matches,
 * whole and in the extension's 32 KB windows) must not change by a byte. With
 * KBLENS_SCAN_GOLDEN=<dir> the first run records every output there and later runs compare
 * against it; without it (or without the bundled index) the test is skipped.
 *
 *   KBLENS_SCAN_GOLDEN=/tmp/scan-golden npx vitest run tests/cli/commands/scan-equivalence.test.ts
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { KbIndex } from '../../../src/core/index/kb-index';
import { scanText } from '../../../src/core/match';
import { scanOne } from '../../../src/cli/commands/scan';
import { readInput } from '../../../src/cli/read-input';
import { hasIndex, readAllRecords } from '../../../bench/index-data';
import { makeTicket, ticketSource, ticketText } from '../../../bench/ticket';
import { scanChunked } from '../../../bench/scan';

const INDEX = fileURLToPath(new URL('../../../public/index', import.meta.url));
const GOLDEN = process.env.KBLENS_SCAN_GOLDEN;
const PAGES = fileURLToPath(new URL('../../e2e/pages', import.meta.url));
const LABELLED = fileURLToPath(new URL('../../fixtures/tickets/labelled.json', import.meta.url));
const MB = 1_000_000;

/** The first place two long strings differ, with some context, instead of a megabyte diff. */
function firstDifference(a: string, b: string): string | null {
  if (a === b) return null;
  let i = 0;
  while (i < a.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return `at ${i} of ${a.length}/${b.length}: got …${a.slice(Math.max(0, i - 200), i + 200)}… expected …${b.slice(Math.max(0, i - 200), i + 200)}…`;
}

function check(name: string, actual: string): void {
  const file = join(GOLDEN!, `${name}.json`);
  if (!existsSync(file)) {
    writeFileSync(file, actual);
    return;
  }
  expect(firstDifference(actual, readFileSync(file, 'utf8')), name).toBeNull();
}

describe.skipIf(!GOLDEN || !hasIndex(INDEX))(
  'scan output equivalence (needs KBLENS_SCAN_GOLDEN and public/index)',
  () => {
    const index = new KbIndex({ readText: (p) => readFile(join(INDEX, p), 'utf8') });
    if (GOLDEN) mkdirSync(GOLDEN, { recursive: true });

    it('labelled tickets', async () => {
      const tickets = JSON.parse(readFileSync(LABELLED, 'utf8')) as { id: string; text: string }[];
      const out = [];
      for (const t of tickets) out.push(await scanOne(index, t.text));
      check('labelled', JSON.stringify(out));
    });

    it('e2e pages', async () => {
      for (const f of readdirSync(PAGES)
        .filter((n) => n.endsWith('.html'))
        .sort()) {
        const input = await readInput(join(PAGES, f));
        if (input.kind !== 'text') continue;
        check(`page-${f}`, JSON.stringify(await scanOne(index, input.text)));
      }
    });

    it('bench tickets of 1 and 5 MB: --json, raw matches, 32 KB windows', async () => {
      const source = ticketSource(readAllRecords(INDEX));
      const det = await index.detector();
      for (const [i, size] of [1, 5].entries()) {
        // The bench's seeds (bench/scan.ts), so these are the tickets it measures.
        const text = ticketText(makeTicket(source, size * MB, 1000 + i));
        check(`ticket-${size}mb-json`, JSON.stringify(await scanOne(index, text)));
        check(`ticket-${size}mb-raw`, JSON.stringify(scanText(text, det, { maxMatches: 100_000 })));
        check(`ticket-${size}mb-chunked`, JSON.stringify(scanChunked(text, det)));
      }
    }, 300_000);
  },
);
