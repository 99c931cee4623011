import type { ArticleRecord } from '../article/types';

/**
 * A short plain-text note about an article that an agent can paste into a ticket reply, and the
 * CLI's readable lookup. Plain text only: it goes into other people's editors.
 */
export function articleSummary(r: ArticleRecord, opts: { verdict?: string } = {}): string {
  const lines = [`${r.q}: ${r.title}`, r.url];
  if (r.versions.length) lines.push(`Affects: ${r.versions.join(', ')}`);
  else if (r.products.length) lines.push(`Affects: ${r.products.join(', ')}`);
  lines.push(`Fix: ${fixLine(r)}`);
  const files = r.files.filter((f) => f.version);
  if (files.length) lines.push(`Fixed files: ${files.map((f) => `${f.name} ${f.version}`).join(', ')}`);
  if (opts.verdict) lines.push(`This ticket: ${opts.verdict}`);
  return lines.join('\n');
}

export function fixLine(r: ArticleRecord): string {
  switch (r.fixKind) {
    case 'service-pack':
    case 'upgrade':
      return r.fixedIn ?? 'a later release (the article names no version)';
    case 'hotfix':
      return r.fixedIn ? `hotfix (${r.fixedIn})` : 'hotfix from Microsoft support';
    case 'workaround-only':
      return 'no fix; the article gives a workaround';
    case 'other':
      return 'an update from another vendor (see the article)';
    default:
      return 'none stated';
  }
}
