/**
 * Products a ticket names with a wildcard for the minor version: "Windows 3.x", "Word 6.x", "MFC
 * 4.x". The version readers (ticket-versions.ts) need digits, so the product is missed and a ticket naming no
 * other has no product to scope a described search by (match/described.ts describedProducts).
 * Found here by trying the major version with a known minor in the wildcard's place. A product
 * the family table names keeps that stand-in ("Windows 3.x" reads as Windows 3.1, the 16-bit line):
 * bare, its name is every release's ("Windows": NT 4.0's articles too), which is why
 * archive-products.ts (familyName) keeps bare family names out. Any other is kept without a
 * version: "3.x" says which line, not which release. Only the described search reads these;
 * verdicts keep the products the ticket spells out.
 */
import { familyName } from './archive-products';
import { VERSION_END, WILDCARD_VERSION, type ProductMention } from './products';
import { findTicketVersions } from './ticket-versions';

/** "3.x", "6.X", "4.x.": a major version and a wildcard, not a part of a longer token. */
const WILDCARD = new RegExp(`(?<![\\w.])${WILDCARD_VERSION}${VERSION_END}`, 'g');
/**
 * Minor versions tried in the wildcard's place, the commonest first: "Windows 3.x" is the 16-bit
 * line, as "Windows 3.1" reads, not Windows NT 3.5.
 */
const STAND_INS = ['1', '0', '5', '51', '2', '00', '11', '3'];
/** How much of the text before a wildcard may hold its product's name ("Windows NT Server 4.x"). */
const NAME_REACH = 40;
/**
 * Most wildcards read in one text: each costs a few reads of the text before it, and a page may list hundreds.
 * Only those with a word in front count ("Windows 3.x"), as only those may be a product's version: a
 * changelog's bare "1.x", "2.x" are skipped unread, and do not use up the count before the product.
 */
const MAX_WILDCARDS = 20;
/** A word ends right before the wildcard ("Windows ", "VC++ "), not a number or another wildcard ("1.x "). */
const WORD_IN_FRONT = /(?<![\w.])[A-Za-z][\w+#]*[\s\u00a0]{1,3}$/;

/**
 * The products named with a wildcard version, apart from those in `known`: as the version readers
 * find them with the first stand-in they read (every tail of a capitalised run, as they give it, for
 * describedProducts to choose among), a family's name with that stand-in, any other without a version.
 */
export function findWildcardProducts(
  text: string,
  known: readonly ProductMention[] = [],
  limit = MAX_WILDCARDS,
): ProductMention[] {
  const out: ProductMention[] = [];
  let tried = 0;
  for (const m of text.matchAll(WILDCARD)) {
    const from = Math.max(0, m.index - NAME_REACH);
    const before = text.slice(from, m.index);
    if (!WORD_IN_FRONT.test(before)) continue;
    if (tried++ >= limit) break;
    const end = m.index + m[0].length;
    if ([...known, ...out].some((k) => k.start < end && m.index < k.end)) continue;
    let named: ProductMention[] = [];
    for (const minor of STAND_INS) {
      const version = `${m[0].split('.')[0]}.${minor}`;
      const piece = before + version;
      // The product must end at the stand-in: its name is the one the wildcard is the version of.
      named = findTicketVersions(piece).products.filter((p) => p.end === piece.length && p.version === version);
      if (named.length > 0) break;
    }
    for (const p of named) {
      const bare = p.name.slice(0, p.name.length - p.version.length).trim();
      const family = familyName(bare);
      out.push({
        ...p,
        name: family ? p.name : bare,
        version: family ? p.version : '',
        sp: null,
        build: null,
        start: from + p.start,
        end,
      });
    }
  }
  return out;
}
