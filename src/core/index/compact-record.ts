import type { ArticleRecord } from '../article/types';
import { articleUrl } from '../kb-number';

/**
 * A record with its empty and derivable fields left out: the ArticleRecord less the url (from the
 * number) and empties. Index format 1 stored records this way; the bundled index now stores them
 * by column (record-columns.ts), and this shape stays for writing records briefly (test fixtures:
 * expandRecord fills in what a sketch leaves out) and as format 1's reference in the index tests.
 */
export type CompactRecord = Partial<Omit<ArticleRecord, 'url'>> & { q: string; title: string };

export function compactRecord(record: ArticleRecord): CompactRecord {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'url' || key === 'fix') continue;
    if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    if (key === 'fixKind' && value === 'none') continue;
    out[key] = value;
  }
  // `fix` is normally the main entry of `fixes`: store it only where it is not.
  const main = record.fixes[0] ?? null;
  if (JSON.stringify(record.fix) !== JSON.stringify(main)) out.fix = record.fix;
  return out as CompactRecord;
}

export function expandRecord(c: CompactRecord): ArticleRecord {
  const fixes = c.fixes ?? [];
  return {
    q: c.q,
    title: c.title,
    url: articleUrl(c.q),
    products: c.products ?? [],
    versions: c.versions ?? [],
    versionsRaw: c.versionsRaw ?? '',
    os: c.os ?? [],
    keywords: c.keywords ?? [],
    lastModified: c.lastModified ?? null,
    fixedIn: c.fixedIn ?? null,
    fix: c.fix !== undefined ? c.fix : (fixes[0] ?? null),
    fixes,
    fixKind: c.fixKind ?? 'none',
    files: c.files ?? [],
    errors: c.errors ?? [],
    related: c.related ?? [],
  };
}
