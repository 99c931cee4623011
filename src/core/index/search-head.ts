import {
  headImage,
  openHeadImage,
  openSearchIndex,
  type SearchHeadData,
  type SearchIndex,
  type SearchPartReader,
  type SearchTermsPartData,
} from '../search';
import type { IndexReader } from './index-reader';
import { MANIFEST_FILE, SEARCH_FILE, TITLES_PER_FILE, searchPartFile, titlesFile } from './layout';

/**
 * The search index with its head only: postings and titles are read as searches touch them
 * (searchReading). Opened from the image a source keeps of it where it has one, otherwise from
 * the head's file (whose image it is then asked to keep).
 */
export async function openSearchHead(files: IndexReader): Promise<SearchIndex> {
  const reader: SearchPartReader = {
    terms: (n) => files.json<SearchTermsPartData>(searchPartFile(n)),
    titles: (n) => files.titles(n),
    fileOf: (kind, n) => (kind === 'terms' ? searchPartFile(n) : titlesFile(n)),
  };
  // The head as an earlier reader opened it, where the source keeps one: asked for with the manifest.
  const image = files.source.readImage?.(SEARCH_FILE).catch(() => undefined);
  const m = await files.manifest();
  let ix = openHeadImage(await image, reader);
  if (!ix) {
    // An index written before the head existed has the search index in parts: read, it names its format.
    const head = m.parts?.[SEARCH_FILE]
      ? await files.logical<SearchHeadData>(SEARCH_FILE)
      : await files.json<SearchHeadData>(SEARCH_FILE);
    const opened = (ix = openSearchIndex(head, reader));
    files.source.keepImage?.(SEARCH_FILE, () => headImage(opened));
  }
  if (ix.parts.postings.length !== (m.searchParts ?? 0) || ix.parts.titles.length !== m.titleFiles)
    throw new Error(`index: ${SEARCH_FILE} does not match ${MANIFEST_FILE}'s part counts: rebuild the index`);
  if (ix.parts.titlesPerPart !== TITLES_PER_FILE)
    throw new Error(
      `index: ${SEARCH_FILE} has ${ix.parts.titlesPerPart} titles per file, this reader ${TITLES_PER_FILE}`,
    );
  return ix;
}
