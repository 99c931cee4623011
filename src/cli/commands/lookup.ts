import { parseKbNumber } from '../../core/kb-number';
import type { ArticleRecord } from '../../core/article/types';
import { fixLine } from '../../core/present/article-summary';
import { releaseLabel } from '../../core/version/build-matches';
import { parseBuildQuery } from '../../core/version/build-query';
import type { BuildQuery, ReleaseTable } from '../../core/version/release-table';
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
  const index = openIndex(values.index);
  if (!q) {
    const table = await index.releases();
    const query = parseBuildQuery(input, table);
    if (query) return lookupBuild(input, query, table, values.json === true);
    err(
      `kblens lookup: "${input}" is not a KB number (try Q227142, KB227142 or support.microsoft.com/kb/227142) or a build (store.exe 5.5.2448.0)`,
    );
    return 2;
  }
  const record = await index.lookup(q);
  if (!record) {
    err(`kblens lookup: ${q} is not in the index`);
    return 1;
  }
  out(values.json ? JSON.stringify(record) : readable(record));
  return 0;
};

/**
 * A build or file version: `{build, release, product, articles, ...}` with --json (release null
 * when the table knows only a later one); a build the table cannot place is "not in the release
 * table", exit 1, never a guess.
 */
function lookupBuild(input: string, query: BuildQuery, table: ReleaseTable, json: boolean): number {
  const a = table.resolve(query);
  if (!a) {
    if (json)
      out(
        JSON.stringify({
          build: query.version,
          ...(query.file ? { file: query.file.toLowerCase() } : {}),
          release: null,
          product: null,
          articles: [],
          note: 'not in the release table',
        }),
      );
    err(`kblens lookup: ${input} is not in the release table`);
    return 1;
  }
  if (json) {
    out(
      JSON.stringify({
        build: a.build,
        release: a.release,
        product: a.product,
        articles: a.articles,
        ...(a.file ? { file: a.file } : {}),
        label: releaseLabel(a),
        exact: a.exact,
        facts: a.facts,
        newer: a.newer,
      }),
    );
    return 0;
  }
  const rows: [string, string][] = [
    ['Release', releaseLabel(a) + (a.exact ? '' : a.release ? ' (with later fixes)' : '')],
    ['Product', a.product],
    ['Facts', a.facts.join('; ')],
    ['Newer', a.newer.join(', ')],
    [
      'Articles',
      a.articles.slice(0, 12).join(', ') + (a.articles.length > 12 ? ` and ${a.articles.length - 12} more` : ''),
    ],
  ];
  out(
    [
      `${a.file ? `${a.file} ` : ''}${a.build}`,
      ...rows.filter(([, v]) => v).map(([k, v]) => `  ${(k + ':').padEnd(10)} ${v}`),
    ].join('\n'),
  );
  return 0;
}

function readable(r: ArticleRecord): string {
  const rows: [string, string][] = [
    ['Products', r.products.join(', ')],
    ['Affected', r.versions.join(', ')],
    [
      'Fixed in',
      fixLine(r) +
        (r.fixes.length > 1
          ? `; also ${r.fixes
              .slice(1)
              .map((f) => f.text)
              .join(', ')}`
          : ''),
    ],
    ['Files', r.files.map((f) => (f.version ? `${f.name} ${f.version}` : f.name)).join(', ')],
    ['Errors', r.errors.map((e) => `"${e.text}" (${e.kind})`).join('\n             ')],
    ['Related', r.related.join(', ')],
    ['Modified', r.lastModified ?? ''],
  ];
  return [
    `${r.q}  ${r.title}`,
    `  ${r.url}`,
    ...rows.filter(([, v]) => v).map(([k, v]) => `  ${(k + ':').padEnd(10)} ${v}`),
  ].join('\n');
}
