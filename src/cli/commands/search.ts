import { search } from '../../core/search';
import { openIndex } from '../node-index';
import { UsageError, out, parseCommandArgs, type Command } from '../command';

/** `kblens search "<query>"`: the popup's ranking, from a terminal. --json prints an array, best first. */
export const searchCommand: Command = async (argv) => {
  const { values, positionals } = parseCommandArgs(argv, {
    json: { type: 'boolean' },
    index: { type: 'string' },
    limit: { type: 'string' },
  });
  const query = positionals.join(' ');
  if (!query.trim()) throw new UsageError('needs a query, e.g. kblens search "store.exe 5.5.2591"');
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw new UsageError('--limit takes a whole number from 1 to 500');
  const results = search(await openIndex(values.index).searchIndex(), query, { limit }).map(
    ({ q, title, score, why }) => ({ q, title, score, ...(why ? { why } : {}) }),
  );
  if (values.json) out(JSON.stringify(results));
  else if (results.length === 0) out('no articles found');
  else
    results.forEach((r, i) =>
      out(`${String(i + 1).padStart(3)}. ${r.q.padEnd(8)} ${r.title}${r.why ? `  [${r.why}]` : ''}`),
    );
  return results.length ? 0 : 1;
};
