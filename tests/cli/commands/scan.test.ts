import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KbIndex } from '../../../src/core/index/kb-index';
import { scanOne } from '../../../src/cli/commands/scan';
import { readInput } from '../../../src/cli/read-input';

// The committed bundled index (built from the real archive), read from disk as the CLI does.
const INDEX = fileURLToPath(new URL('../../../public/index', import.meta.url));
const index = new KbIndex({ readText: (p) => readFile(join(INDEX, p), 'utf8') });

describe('kblens scan', () => {
  it('finds the NDR of a composed Exchange bounce (.eml) and ranks Q227142 for it', async () => {
    const input = await readInput(fileURLToPath(new URL('../../fixtures/mail/bounce-exchange55.eml', import.meta.url)));
    expect(input.kind).toBe('text');
    if (input.kind !== 'text') return;
    const result = await scanOne(index, input.text);
    const ndr = result.matches.find((m) => m.kind === 'ndr' && /communications failure/.test(m.text));
    expect(ndr?.articles).toContain('Q227142');
    expect(result.articles.map((a) => a.q)).toContain('Q227142');
    // The --json contract's key order.
    expect(Object.keys(result)).toEqual(['matches', 'articles']);
    expect(Object.keys(result.matches[0]!).slice(0, 4)).toEqual(['kind', 'text', 'start', 'end']);
  });

  it('reads a ticket export ticket by ticket', async () => {
    const dir = await import('node:os').then((os) => os.tmpdir());
    const path = join(dir, `kblens-export-${process.pid}.csv`);
    await import('node:fs/promises').then((fs) => fs.writeFile(path, 'id,description\n1,"See KB 227142 please"\n2,"printer jam"\n'));
    const input = await readInput(path);
    expect(input.kind).toBe('export');
    if (input.kind !== 'export') return;
    const results = await Promise.all(input.tickets.map((t) => scanOne(index, t.text)));
    expect(results[0]!.matches.map((m) => m.value)).toContain('Q227142');
    expect(results[1]!.matches).toEqual([]);
  });
});
