import { VarintReader } from './codec';
import { aliasTerms } from './thesaurus';
import { isWordyTitle } from './tokenize';
import { SEARCH_FORMAT, type SearchHeadData, type SearchIndexData, type SearchTermsPartData } from './types';

export interface SplitOptions {
  /**
   * About how many characters of postings and masks one terms part holds (a term is never cut, so
   * a very common term makes a larger part). Infinity: one part.
   */
  partChars: number;
  /** Titles per titles part (the index's titles/ files). */
  titlesPerPart: number;
}

/**
 * Cuts the serialised index into the head and the terms parts it is stored as (types.ts,
 * SearchHeadData). The titles are not copied: they are the titles parts, by doc range.
 */
export function splitSearchIndex(
  data: SearchIndexData,
  opts: SplitOptions,
): { head: SearchHeadData; parts: SearchTermsPartData[] } {
  if (data.format !== SEARCH_FORMAT) throw new Error(`search index: unknown format ${String(data.format)}`);
  if (data.titles.length !== data.count) throw new Error('search index: titles do not match count');
  if (!(opts.titlesPerPart >= 1)) throw new RangeError('search index: titlesPerPart must be at least 1');
  const terms = readVocabulary(data.terms);
  const spans = readAll(data.spans);
  const maskSpans = readAll(data.maskSpans);
  const df = readAll(data.df);
  if (spans.length !== terms.length || maskSpans.length !== terms.length || df.length !== terms.length)
    throw new Error('search index: counts, spans and vocabulary differ in length');
  for (const t of terms) if (t.includes(' ')) throw new Error(`search index: term "${t}" has a space`);

  const termParts = [0];
  const parts: SearchTermsPartData[] = [];
  let from = 0;
  let at = 0;
  let maskAt = 0;
  let partAt = 0;
  let partMaskAt = 0;
  const close = (to: number) => {
    parts.push({
      spans: spans.slice(from, to),
      maskSpans: maskSpans.slice(from, to),
      postings: data.postings.slice(partAt, at),
      masks: data.masks.slice(partMaskAt, maskAt),
    });
    from = to;
    partAt = at;
    partMaskAt = maskAt;
  };
  for (let id = 0; id < terms.length; id++) {
    const held = at - partAt + maskAt - partMaskAt;
    if (held > 0 && held + spans[id]! + maskSpans[id]! > opts.partChars) {
      close(id);
      termParts.push(id);
    }
    at += spans[id]!;
    maskAt += maskSpans[id]!;
  }
  if (at !== data.postings.length) throw new Error('search index: postings do not match spans');
  if (maskAt !== data.masks.length) throw new Error('search index: masks do not match counts');
  close(terms.length);

  const titleLengths = data.titles.map((t) => t.length);
  return {
    head: {
      format: data.format,
      count: data.count,
      // The serialised index stores Q-numbers as gaps already.
      qs: readAll(data.qs),
      terms: terms.join(' '),
      df,
      aliases: aliasTerms(data.aliases ?? []),
      ...(data.variants ? { variants: data.variants } : {}),
      ...(data.products ? { products: data.products } : {}),
      titleLengths,
      titleLengthSum: titleLengths.reduce((a, b) => a + b, 0),
      titleLengthMax: titleLengths.reduce((a, b) => Math.max(a, b), 0),
      wordyTitles: data.titles.flatMap((t, doc) => (isWordyTitle(t) ? [doc] : [])),
      termParts,
      titlesPerPart: opts.titlesPerPart,
    },
    parts,
  };
}

function readAll(text: string): number[] {
  const out: number[] = [];
  const r = new VarintReader(text);
  while (!r.done) out.push(r.next());
  return out;
}

/** The builder's front-coded vocabulary (SearchIndexData.terms) as a list. */
function readVocabulary(text: string): string[] {
  const terms: string[] = [];
  const r = new VarintReader(text);
  let prev = '';
  while (!r.done) {
    const shared = r.next();
    const end = text.indexOf('\n', r.pos);
    if (end < 0) throw new Error('search index: vocabulary is cut short');
    prev = prev.slice(0, shared) + text.slice(r.pos, end);
    terms.push(prev);
    r.pos = end + 1;
  }
  return terms;
}
