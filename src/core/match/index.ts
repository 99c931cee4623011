/**
 * The matching engine: finds KB references, NDRs and quoted error messages in ticket text and
 * ranks the articles that explain them. Pure: runs unchanged in the page, the service worker,
 * the popup and the CLI.
 *
 *   const detector = loadDetector(data);            // data = buildDetector(records), at index-build time
 *   const matches = scanText(text, detector);
 *   const records = await fetchRecords(candidateArticles(matches));
 *   const result = explain(text, matches, records); // the --json contract
 */
export { loadDetector, Detector, DETECTOR_FORMAT, DETECTOR_VERSION, type DetectorData } from './detector';
export { buildDetector, buildDetectorWithStats, type BuildOptions, type BuildStats } from './build-detector';
export { countBackground, type ArticleText } from './background';
export { scanText, type Match, type MatchKind, type ScanOptions } from './scan';
export {
  explain,
  articleOrder,
  candidateArticles,
  orderedArticles,
  type ExplainResult,
  type ExplainedMatch,
} from './explain';
export { worthShowing } from './shown';
export { rankArticles, collectEvidence, type RankedArticle, type RankOptions, type Evidence } from './rank';
export { findKbRefs, type KbHit } from './kb-refs';
export { findCodes, type CodeHit } from './ndr-codes';
export type { NdrClass } from './ndr-tables';
