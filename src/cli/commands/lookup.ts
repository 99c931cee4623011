import { parseKbNumber } from '../../core/kb-number';
import type { ArticleRecord } from '../../core/article/types';
import { fixLine } from '../../core/present/article-summary';
import { openIndex } from '../node-index';
import { UsageError, err, out, parseCommandArgs, type Command } from '../command';

export const lookupCommand: Command = async (argv) => {
  const { values, positionals } = parseCommandArgs(argv, {
    json: { type: 'boolean' },
    index: { type: 'string' },
  });
  // "kb 227142" may arrive as two words when not quoted.
  const input = positionals.join(' ').trim();
  if (!input) throw new UsageError('needs a KB number, e.g. kblens lookup Q227142');
  const q = parseKbNumber(input);
  if (!q) {
    err(`kblens lookup: "${input}" is not a KB number (try Q227142, KB227142 or support.microsoft.com/kb/227142)`);
    return 2;
  }
  const record = await openIndex(values.index).lookup(q);
  if (!record) {
    err(`kblens lookup: ${q} is not in the index`);
    return 1;
  }
  out(values.json ? JSON.stringify(record) : readable(record));
  return 0;
};

function readable(r: ArticleRecord): string {
  const rows: [string, string][] = [
    ['Products', r.products.join(', ')],
    ['Affected', r.versions.join(', ')],
    ['Fixed in', fixLine(r) + (r.fixes.length > 1 ? `; also ${r.fixes.slice(1).map((f) => f.text).join(', ')}` : '')],
    ['Files', r.files.map((f) => (f.version ? `${f.name} ${f.version}` : f.name)).join(', ')],
    ['Errors', r.errors.map((e) => `"${e.text}" (${e.kind})`).join('\n             ')],
    ['Related', r.related.join(', ')],
    ['Modified', r.lastModified ?? ''],
  ];
  return [`${r.q}  ${r.title}`, `  ${r.url}`, ...rows.filter(([, v]) => v).map(([k, v]) => `  ${(k + ':').padEnd(10)} ${v}`)].join('\n');
}
