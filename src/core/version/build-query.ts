/**
 * A build typed as a query ("store.exe 5.5.2448.0", "exchange 5.5 build 2650", "exchange
 * 2654.89", "5.5.2448.0"): the file, the version and the product words around them, for
 * `kblens lookup` and the popup's search box.
 */
import { FAMILIES, findProductMentions } from './products';
import type { BuildQuery, ReleaseTable } from './release-table';

const QUERY_RE = /^(?:(.*?)[\s,]+)?(?:build|version|ver\.?|v)?[\s:#]*v?(\d{1,4}(?:\.\d{1,5}){0,3})$/i;
const FILE_RE = /(?:^|\s)([a-z0-9_$~-]{1,40}\.(?:exe|dll|sys|ocx|cpl|drv|vxd))(?:\s|$)/i;

/** The query's parts; null when it does not end in a version or names nothing to place it by. */
export function parseBuildQuery(input: string, table: ReleaseTable): BuildQuery | null {
  const m = QUERY_RE.exec(input.trim().replace(/\s+is$/i, ''));
  if (!m) return null;
  const before = (m[1] ?? '').replace(/\s+(?:is|build|version)$/i, '').trim();
  const version = m[2]!;
  const file = FILE_RE.exec(before)?.[1];
  const rest = file ? before.replace(file, ' ').trim() : before;
  const named = findProductMentions(rest);
  const families = new Set(named.map((p) => p.family));
  // A product named without its version ("exchange 2654.89"): its family, or a ladder's product.
  const words = rest.toLowerCase().replace(/^microsoft\s+/, '');
  if (families.size === 0 && words) {
    for (const f of FAMILIES) if (f.name.toLowerCase().startsWith(words) || f.family === words) families.add(f.family);
    for (const l of table.data.ladders)
      if (table.data.products[l.product]!.toLowerCase().startsWith(words)) families.add(l.family);
  }
  // A bare number is a KB number or nothing, unless the words say it is a build.
  if (!file && families.size === 0 && version.split('.').length < 3 && !/\b(?:build|version)\b/i.test(input))
    return null;
  return {
    version,
    ...(file ? { file } : {}),
    families: [...families],
    ...(named.length === 1 ? { product: named[0]!.name } : {}),
  };
}
