import { VarintReader, writeVarint } from './codec';
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
  const spans = readAll(data.spans);
  const maskSpans = readAll(data.maskSpans);
  if (spans.length !== maskSpans.length) throw new Error('search index: spans do not match mask spans');
  const termParts = [0];
  const parts: SearchTermsPartData[] = [];
  let at = 0;
  let maskAt = 0;
  let partAt = 0;
  let partMaskAt = 0;
  const close = () => {
    parts.push({ postings: data.postings.slice(partAt, at), masks: data.masks.slice(partMaskAt, maskAt) });
    partAt = at;
    partMaskAt = maskAt;
  };
  for (let id = 0; id < spans.length; id++) {
    const size = spans[id]! + maskSpans[id]!;
    if (at + maskAt - partAt - partMaskAt > 0 && at + maskAt - partAt - partMaskAt + size > opts.partChars) {
      close();
      termParts.push(id);
    }
    at += spans[id]!;
    maskAt += maskSpans[id]!;
  }
  if (at !== data.postings.length) throw new Error('search index: postings do not match spans');
  if (maskAt !== data.masks.length) throw new Error('search index: masks do not match counts');
  close();

  const lengths: string[] = [];
  for (const t of data.titles) writeVarint(lengths, t.length);
  return {
    head: {
      format: data.format,
      count: data.count,
      qs: data.qs,
      terms: data.terms,
      df: data.df,
      maskSpans: data.maskSpans,
      spans: data.spans,
      aliases: data.aliases ?? [],
      titleLengths: lengths.join(''),
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
