/**
 * The parser over the real archive (../shared/corpus/kbarchive.tar.gz, streamed with the CLI's
 * readCorpus). Skipped where the archive is absent: CI does not carry the corpus, and its
 * articles may not be copied into the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../../src/cli/corpus/read-corpus';
import { parseArticle } from '../../../src/core/article/parse-article';
import type { ArticleRecord, ParseIssue } from '../../../src/core/article/types';
import { resolveLatestServicePacks, servicePackDates } from '../../../src/core/version/service-pack-dates';
import { scoreFixFacts, type FixFacts } from '../../../eval/fix-facts';
import { scoreVerdicts, type VerdictSet } from '../../../eval/verdict-set';

const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/kbarchive.tar.gz', import.meta.url));
const FIX_FACTS = fileURLToPath(new URL('../../fixtures/fix-facts.json', import.meta.url));
const VERDICTS = fileURLToPath(new URL('../../fixtures/tickets/verdicts.json', import.meta.url));
const present = existsSync(CORPUS);
if (!present) console.log(`corpus test skipped: ${CORPUS} is absent (the archive is not part of the repository)`);

describe.skipIf(!present)('parseArticle over the whole kbarchive corpus', () => {
  const records = new Map<string, ArticleRecord>();
  const issues: ParseIssue[] = [];
  let files = 0;

  beforeAll(async () => {
    for await (const file of readCorpus(CORPUS)) {
      files++;
      const r = parseArticle(file.text ?? '', file.path);
      if (r.ok) records.set(r.record.q, r.record);
      else issues.push(r.error);
    }
    const all = [...records.values()];
    const count = (f: (r: ArticleRecord) => boolean) => all.filter(f).length;
    const kinds: Record<string, number> = {};
    for (const r of all) kinds[r.fixKind] = (kinds[r.fixKind] ?? 0) + 1;
    console.log(
      `corpus: ${files} articles, ${records.size} parsed, ${issues.length} reported; ` +
        `versions ${count((r) => r.versions.length > 0)}, fixedIn ${count((r) => r.fixedIn !== null)}, ` +
        `files ${count((r) => r.files.length > 0)}, errors ${count((r) => r.errors.length > 0)}, ` +
        `related ${count((r) => r.related.length > 0)}; fixKind ${JSON.stringify(kinds)}`,
    );
  }, 600_000);

  const get = (q: string): ArticleRecord => {
    const r = records.get(q);
    if (!r) throw new Error(`${q} did not parse`);
    return r;
  };

  it('parses every article or reports it', () => {
    expect(files).toBe(60335);
    expect(records.size + issues.length).toBe(files);
    expect(issues).toEqual([]);
  });

  it('reads Q227142: fix, files, reference and the NDR reason', () => {
    const r = get('Q227142');
    expect(r.fixedIn).toBe('Exchange Server 5.5 Service Pack 3');
    expect(r.fixKind).toBe('service-pack');
    expect(r.files).toEqual([
      { name: 'Store.exe', version: '5.5.2591.0' },
      { name: 'Mdbmsg.dll', version: '5.5.2591.0' },
      { name: 'Gapi32.dll', version: '5.5.2591.0' },
    ]);
    expect(r.related).toContain('Q191014');
    expect(r.errors).toContainEqual({
      text: 'Unable to deliver the message due to a communications failure.',
      kind: 'ndr',
      placeholders: [],
    });
    expect(r.versions).toEqual(['Exchange Server 5.5']);
    expect(r.lastModified).toBe('1999-09-30');
  });

  it('reads Q287056: a preSP5 hotfix (SP4 is only a prerequisite), the abbreviated version, the event', () => {
    const r = get('Q287056');
    expect(r.fixKind).toBe('hotfix');
    expect(r.fix).toMatchObject({ product: 'Exchange Server', version: '5.5', servicePack: null, hotfix: true });
    expect(r.files).toEqual([{ name: 'Mlmig32.dll', version: '2654.89' }]);
    expect(r.errors.map((e) => e.text)).toContain('Event ID: 1027, Source: MSExchangeMig');
    expect(
      r.errors.some((e) => e.text.startsWith("cc:Mail - Export program returned an invalid Message size of '0'.")),
    ).toBe(true);
    expect(r.versionsRaw).toBe(':5.5,5.5 SP1,5.5 SP2,5.5 SP3,5.5 SP4');
  });

  it('reads Q189492: decoded title, NDR reason without the boilerplate', () => {
    const r = get('Q189492');
    expect(r.title).toBe('XFOR: IMCEASMTP-swadmin+40corporate+2ecom@* in NDR Message');
    const texts = r.errors.map((e) => e.text);
    expect(texts).toContain('The recipient name is not recognized');
    expect(texts.some((t) => /did not reach some or all/.test(t))).toBe(false);
    expect(r.errors.every((e) => e.kind === 'ndr')).toBe(true);
  });

  it('reads Q166349 sanely: an information article with no fix', () => {
    const r = get('Q166349');
    expect(r.fixKind).toBe('none');
    expect(r.versions).toContain('Exchange Server 5.5');
  });

  it('reads Q134968: the SP number from RESOLUTION fills the "latest U.S. Service Pack" of STATUS', () => {
    const r = get('Q134968');
    expect(r.fixedIn).toBe('Windows NT 3.51 Service Pack 2');
    expect(r.errors[0]!.placeholders).toEqual(['<ServerName>']);
  });

  it('keeps the known traps out: Q221758 documentation fix, Q155672 future tense, Q86088 third party', () => {
    expect(get('Q221758').fixedIn).toBeNull();
    expect(get('Q155672').fixedIn).toBeNull();
    expect(get('Q86088').fixedIn).toBeNull();
    expect(get('Q180718').fixes.map((f) => f.text)).toEqual([
      'Windows NT 4.0 Service Pack 4',
      'Windows NT Server 4.0, Terminal Server Edition Service Pack 4',
    ]);
  });

  it('agrees with the hand-read fix facts (tests/fixtures/fix-facts.json) at least as well as at issue 15', () => {
    const facts = JSON.parse(readFileSync(FIX_FACTS, 'utf8')) as FixFacts;
    // The index build's corpus-wide step, on copies: the other tests read the records as parsed.
    const table = servicePackDates(records.values());
    const labelled = facts.articles.map((a) => structuredClone(get(a.q)));
    resolveLatestServicePacks(labelled, table);
    const byQ = new Map(labelled.map((r) => [r.q, r]));
    // The issue-15 groups (tuning, held-out) keep their floors; the fresh group of the fix audit has its own.
    const s = scoreFixFacts(
      facts.articles.filter((a) => a.set !== 'fresh'),
      byQ,
    );
    const fresh = scoreFixFacts(
      facts.articles.filter((a) => a.set === 'fresh'),
      byQ,
    );
    console.log(
      `fix facts: fixedIn ${s.fixedIn.pct.toFixed(1)} %, fixKind ${s.fixKind.pct.toFixed(1)} %, versions ${s.versions.pct.toFixed(1)} %, files ${s.files.pct.toFixed(1)} %; ` +
        `fresh: fixedIn ${fresh.fixedIn.pct.toFixed(1)} %, fixKind ${fresh.fixKind.pct.toFixed(1)} %, files ${fresh.files.pct.toFixed(1)} %`,
    );
    expect(fresh.fixedIn.pct, fresh.fixedIn.wrong.join('\n')).toBeGreaterThanOrEqual(95);
    expect(fresh.fixKind.pct, fresh.fixKind.wrong.join('\n')).toBeGreaterThanOrEqual(88);
    expect(fresh.files.pct, fresh.files.wrong.join('\n')).toBeGreaterThanOrEqual(95);
    const verdicts = JSON.parse(readFileSync(VERDICTS, 'utf8')) as VerdictSet;
    // Verdict cases about articles outside the fix-facts sample get their records the same way.
    const others = [...new Set(verdicts.cases.map((c) => c.q))]
      .filter((q) => !byQ.has(q))
      .map((q) => structuredClone(get(q)));
    resolveLatestServicePacks(others, table);
    const v = scoreVerdicts(verdicts.cases, new Map([...byQ, ...others.map((r) => [r.q, r] as const)]));
    expect(v.pct, v.wrong.join('\n')).toBeGreaterThanOrEqual(92);
    // Floors a little under the figures measured when they were set (npm run eval -- --only fixes).
    expect(s.fixedIn.pct, s.fixedIn.wrong.join('\n')).toBeGreaterThanOrEqual(97);
    expect(s.fixKind.pct, s.fixKind.wrong.join('\n')).toBeGreaterThanOrEqual(97);
    expect(s.files.pct, s.files.wrong.join('\n')).toBeGreaterThanOrEqual(97);
    expect(s.versions.pct, s.versions.wrong.join('\n')).toBeGreaterThanOrEqual(95);
    expect(s.latestResolved.pct, s.latestResolved.wrong.join('\n')).toBeGreaterThanOrEqual(60);
  });

  it('reaches the coverage the corpus notes lead to expect', () => {
    const all = [...records.values()];
    expect(all.filter((r) => r.fixedIn).length).toBeGreaterThan(9500);
    expect(all.filter((r) => r.files.length).length).toBeGreaterThan(1600);
    expect(all.filter((r) => r.errors.length).length).toBeGreaterThan(12000);
    expect(all.filter((r) => r.related.length).length).toBeGreaterThan(13000);
  });
});
