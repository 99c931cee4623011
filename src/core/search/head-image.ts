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
export const HEAD_IMAGE_FORMAT = 3;

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
  /** Kept as 16-bit numbers where every value fits (narrow): a tenth less to read back at a worker start. */
  df: Uint16Array | Uint32Array;
  titleLength: Uint16Array | Uint32Array;
  /** The titles' summed and largest lengths, which the title norms are made from: kept, not summed at each start. */
  titleLengthSum: number;
  titleLengthMax: number;
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
  let sum = 0;
  let longest = 0;
  for (const len of index.titleLength) {
    sum += len;
    if (len > longest) longest = len;
  }
  return {
    imageFormat: HEAD_IMAGE_FORMAT,
    searchFormat: SEARCH_FORMAT,
    thesaurusCode: thesaurusCodeId(),
    count: index.count,
    qnums: index.qnums,
    termsText: index.terms.text,
    termStarts: index.terms.starts,
    df: narrow(index.df),
    titleLength: narrow(index.titleLength),
    titleLengthSum: sum,
    titleLengthMax: longest,
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
    // Widened by the typed array constructors' native copy; the norms are the running code's
    // weighing of title lengths, not data: made again from the kept sum and longest, not kept.
    const head: OpenedHead = {
      count: image.count,
      qnums: image.qnums,
      terms: new Vocabulary(image.termsText, image.df.length, image.termStarts),
      df: new Uint32Array(image.df),
      titleLength: new Uint32Array(image.titleLength),
      normByLength: titleNorms(image.count, image.titleLengthSum, image.titleLengthMax),
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
  if (!isCounts(i.titleLength) || i.titleLength.length !== count) return false;
  // The longest sizes the norms table: bounded, so a damaged image cannot ask for gigabytes.
  if (!isLength(i.titleLengthSum) || !isLength(i.titleLengthMax) || i.titleLengthMax > MAX_TITLE_LENGTH) return false;
  if (!isCounts(i.df) || !(i.termStarts instanceof Uint32Array) || typeof i.termsText !== 'string') return false;
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

const MAX_TITLE_LENGTH = 1 << 20;
const isCounts = (x: unknown): x is Uint16Array | Uint32Array => x instanceof Uint16Array || x instanceof Uint32Array;
const isLength = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;

/** The same numbers as 16-bit ones when every one fits, else as they are. */
function narrow(values: Uint32Array): Uint16Array | Uint32Array {
  for (const v of values) if (v > 0xffff) return values;
  return new Uint16Array(values);
}
