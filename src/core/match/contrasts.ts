/**
 * Words that exclude each other when they say which case a ticket is: a ticket about the weekly
 * run is not the article about the daily one, landscape pages are not portrait ones. A title that
 * names one of them where the ticket names another of the same kind (and not the title's) is
 * about another case however many other words they share; match/described.ts suggests no such article.
 */
import { indexTerms } from '../search/tokenize';
import { stemTerm } from '../search/stem';

const KINDS: readonly (readonly string[])[] = [
  ['hourly', 'daily', 'weekly', 'monthly', 'yearly'],
  ['portrait', 'landscape'],
  ['inbound', 'outbound'],
  ['incoming', 'outgoing'],
  ['upload', 'download'],
  ['import', 'export'],
  ['horizontal', 'vertical'],
  ['ascending', 'descending'],
  ['uppercase', 'lowercase'],
  ['minimize', 'maximize'],
];

let kindOf: Map<string, number> | undefined;
/** Stem -> its kind's position in KINDS; made on first use, like described.ts's stopword stems. */
function kinds(): Map<string, number> {
  if (!kindOf) {
    kindOf = new Map();
    KINDS.forEach((k, i) => k.forEach((w) => kindOf!.set(stemTerm(w), i)));
  }
  return kindOf;
}

/** Whether `title` names a word of a kind above that the ticket's `words` name another of, and not the title's own. */
export function contradicts(words: Iterable<string>, title: string): boolean {
  const said = new Set<string>();
  for (const w of words) for (const t of indexTerms(w)) said.add(stemTerm(t));
  const inTitle = new Set(indexTerms(title).map(stemTerm));
  for (const t of inTitle) {
    const kind = kinds().get(t);
    if (kind === undefined || said.has(t)) continue;
    for (const s of said) if (s !== t && kinds().get(s) === kind && !inTitle.has(s)) return true;
  }
  return false;
}
