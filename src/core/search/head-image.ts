/**
 * The opened search head as data a structured clone keeps (typed arrays, strings, Maps): what the
 * extension's worker stores in IndexedDB beside the index's files. A worker started again reads
 * it back in one copy instead of parsing the head's 1.2 MB of JSON and opening it (the running
 * sums, the vocabulary's starts, the thesaurus), ~30 ms of its cold start before the first answer.
 * The content identity guarding the files guards it too (storage/index-mirror.ts).
 */
import { assembleIndex, titleNorms, type OpenedHead } from './load-index';
import { packEntries, thesaurusCodeId, thesaurusFromData, unpackEntries } from './thesaurus';
import { SEARCH_FORMAT, type SearchIndex, type SearchPartReader } from './types';
import { Vocabulary } from './vocabulary';

/** Changes whenever what an image holds changes: an image of another shape is not read. */
export const HEAD_IMAGE_FORMAT = 2;

export interface SearchHeadImage {
  imageFormat: typeof HEAD_IMAGE_FORMAT;
  /** The search index format of the head it was made from. */
  searchFormat: typeof SEARCH_FORMAT;
  /** thesaurusCodeId() of the code that made the thesaurus: the index's identity does not cover it. */
  thesaurusCode: string;
  count: number;
  qnums: Uint32Array;
  termsText: string;
  termStarts: Uint32Array;
  df: Uint32Array;
  titleLength: Uint32Array;
  wordyTitles: number[] | null;
  /** The thesaurus's entries by first term as text (thesaurus.ts, packEntries): read back on use. */
  thesaurusFirsts: string[];
  thesaurusTexts: string[];
  keep: readonly string[];
  variants: Map<string, readonly string[]>;
  products: readonly string[];
  termBounds: Uint32Array;
  titlesPerPart: number;
}

/** The image of an index's head (whatever parts it has read: they are not in it). */
export function headImage(index: SearchIndex): SearchHeadImage {
  const thesaurus = packEntries(index.thesaurus.byFirst);
  return {
    imageFormat: HEAD_IMAGE_FORMAT,
    searchFormat: SEARCH_FORMAT,
    thesaurusCode: thesaurusCodeId(),
    count: index.count,
    qnums: index.qnums,
    termsText: index.terms.text,
    termStarts: index.terms.starts,
    df: index.df,
    titleLength: index.titleLength,
    wordyTitles: index.wordyTitles ? [...index.wordyTitles] : null,
    thesaurusFirsts: thesaurus.firsts,
    thesaurusTexts: thesaurus.texts,
    keep: index.thesaurus.keep,
    variants: new Map(index.variants),
    products: [...index.products],
    termBounds: index.parts.termBounds,
    titlesPerPart: index.parts.titlesPerPart,
  };
}

/**
 * The index an image was made of, with no part read (they are read through `reader`); null for
 * anything that is not a whole image of this format (another version's, a damaged copy): the
 * caller then opens the head from its file.
 */
export function openHeadImage(image: unknown, reader: SearchPartReader | null): SearchIndex | null {
  if (!isImage(image)) return null;
  try {
    // The norms are the running code's weighing of title lengths, not data: made again, not kept.
    let sum = 0;
    let longest = 0;
    for (const len of image.titleLength) {
      sum += len;
      if (len > longest) longest = len;
    }
    const head: OpenedHead = {
      count: image.count,
      qnums: image.qnums,
      terms: new Vocabulary(image.termsText, image.df.length, image.termStarts),
      df: image.df,
      titleLength: image.titleLength,
      normByLength: titleNorms(image.count, sum, longest),
      wordyTitles: image.wordyTitles ? new Set(image.wordyTitles) : null,
      thesaurus: thesaurusFromData(
        unpackEntries({ firsts: image.thesaurusFirsts, texts: image.thesaurusTexts }),
        image.keep,
      ),
      variants: image.variants,
      products: image.products,
    };
    return assembleIndex(head, image.termBounds, image.titlesPerPart, reader);
  } catch {
    return null;
  }
}

/** The shape, the lengths that must agree and the bounds a search relies on; not every value. */
function isImage(x: unknown): x is SearchHeadImage {
  if (typeof x !== 'object' || x === null) return false;
  const i = x as Partial<SearchHeadImage>;
  if (i.imageFormat !== HEAD_IMAGE_FORMAT || i.searchFormat !== SEARCH_FORMAT) return false;
  if (i.thesaurusCode !== thesaurusCodeId()) return false;
  const count = i.count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return false;
  if (!(i.qnums instanceof Uint32Array) || i.qnums.length !== count) return false;
  if (!(i.titleLength instanceof Uint32Array) || i.titleLength.length !== count) return false;
  if (!(i.df instanceof Uint32Array) || !(i.termStarts instanceof Uint32Array) || typeof i.termsText !== 'string')
    return false;
  if (!(i.termBounds instanceof Uint32Array)) return false;
  const b = i.termBounds;
  if (b.length < 2 || b[0] !== 0 || b[b.length - 1] !== i.df.length) return false;
  // Part starts strictly ascending; the vocabulary's size after them (equal only when it is empty).
  for (let k = 1; k < b.length; k++) if (b[k]! < b[k - 1]! || (b[k] === b[k - 1] && k < b.length - 1)) return false;
  if (!(i.variants instanceof Map) || !Array.isArray(i.keep)) return false;
  const { thesaurusFirsts: firsts, thesaurusTexts: texts } = i;
  if (!Array.isArray(firsts) || !Array.isArray(texts) || firsts.length !== texts.length) return false;
  if (!firsts.every((f) => typeof f === 'string') || !texts.every((t) => typeof t === 'string')) return false;
  if (!Array.isArray(i.products)) return false;
  if (i.wordyTitles !== null && !Array.isArray(i.wordyTitles)) return false;
  return typeof i.titlesPerPart === 'number' && i.titlesPerPart >= 1;
}
