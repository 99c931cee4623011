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
    expect(Object.keys(result)).toEqual(['matches', 'articles', 'bounces']);
    expect(Object.keys(result.matches[0]!).slice(0, 4)).toEqual(['kind', 'text', 'start', 'end']);
    // The bounce read as a whole, and the reason on its NDR matches (a key after the existing ones).
    expect(result.bounces).toHaveLength(1);
    expect(result.bounces[0]!.generation).toBe('exchange-5.5');
    // The MSEXCH code (000C05A6) says unknown recipient, whatever the sentence above it says.
    expect(result.bounces[0]!.recipients[0]!.reason).toBe('userunknown');
    expect(ndr?.reason).toBe('userunknown');
    expect(Object.keys(ndr!).at(-1)).toBe('reason');
  });

  it('gives every NDR match a reason, also a status code the archive has no article for', async () => {
    const text =
      "Customer pasted:\n\nGenerating server: SN6PR05MB9876.namprd05.prod.outlook.com\n\nann@example.org\nRemote Server returned '550 5.7.606 Access denied, banned sending IP [192.0.2.8]'\n";
    const result = await scanOne(index, text);
    expect(
      result.bounces.map((b) => [b.generation, b.recipients.map((r) => [r.address, r.status, r.replyCode, r.reason])]),
    ).toEqual([['exchange-online', [['ann@example.org', '5.7.606', '550', 'blocked']]]]);
    const ndrs = result.matches.filter((m) => m.kind === 'ndr');
    expect(ndrs.length).toBeGreaterThan(0);
    for (const m of ndrs) expect(m.reason).toBe('blocked');
  });

  it('reads a ticket export ticket by ticket', async () => {
    const dir = await import('node:os').then((os) => os.tmpdir());
    const path = join(dir, `kblens-export-${process.pid}.csv`);
    await import('node:fs/promises').then((fs) =>
      fs.writeFile(path, 'id,description\n1,"See KB 227142 please"\n2,"printer jam"\n'),
    );
    const input = await readInput(path);
    expect(input.kind).toBe('export');
    if (input.kind !== 'export') return;
    const results = await Promise.all(input.tickets.map((t) => scanOne(index, t.text)));
    expect(results[0]!.matches.map((m) => m.value)).toContain('Q227142');
    expect(results[1]!.matches).toEqual([]);
  });

  it("highlights every composed bounce with at least one NDR match carrying a recipient's reason", async () => {
    const { fixtureNames, fixture } = await import('../../core/bounce/fixtures');
    for (const name of fixtureNames()) {
      const text = fixture(name);
      const result = await scanOne(index, text);
      for (const b of result.bounces) {
        const inside = result.matches.filter((m) => m.kind === 'ndr' && m.start < b.end && m.end > b.start);
        expect(inside.length, name).toBeGreaterThan(0);
        expect(
          b.recipients.map((r) => r.reason),
          name,
        ).toContain(inside[0]!.reason);
      }
    }
  });

  it('suggests, with low confidence and marked, the article a ticket describes in words with its product, and none for a request', async () => {
    const described = await scanOne(
      index,
      'Hi, on Windows 3.1 with a Phoenix BIOS the PS/2 BallPoint mouse pointer moves erratically across the screen. Thanks',
    );
    expect(described.matches).toEqual([]);
    expect(Object.keys(described)).toEqual(['matches', 'articles', 'bounces']);
    expect(described.articles).toHaveLength(1);
    expect(described.articles[0]).toMatchObject({ confidence: 'low', source: 'described', inIndex: true });
    expect(described.articles[0]!.title).toMatch(/Mouse/);
    expect(described.articles[0]!.why).toMatch(/^suggested from the ticket's words/);
    for (const request of [
      'Need Office 2000 installed on the new PC for reception please',
      'Exchange 5.5 mailbox quota increase please for j.smith, manager approved',
      'Please reset my Windows NT 4.0 domain password, locked out after the holiday',
    ])
      expect((await scanOne(index, request)).articles, request).toEqual([]);
  });
});
