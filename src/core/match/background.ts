/**
 * Background frequency, at index-build time: the detector run over every article's text, counting
 * per pattern the articles that contain it without quoting it. A message an article quotes and
 * few others mention says much; one that turns up all over the corpus is ordinary prose (noise.ts).
 */
import { loadDetector, type DetectorData } from './detector';
import { findPatternHits } from './pattern-hits';
import { slotValues } from './slot-values';

/** One article's text: its number without "Q", and its whole text (front matter, header and body). */
export interface ArticleText {
  q: number;
  text: string;
}

/**
 * Per pattern, the articles containing it without quoting it: `literal` with the article's own
 * values (or a pattern without soft slots), `frame` where its soft slots took other values.
 */
export interface BackgroundCounts {
  literal: Int32Array;
  frame: Int32Array;
}

/** For BuildOptions.background: counts over `articles`, which may be read once per call. */
export function countBackground(articles: Iterable<ArticleText>): (data: DetectorData) => BackgroundCounts {
  return (data) => {
    const det = loadDetector(data);
    const n = data.itemCount.length;
    const counts = new Int32Array(n);
    const frame = new Int32Array(n);
    /** The article a pattern was last counted for, so each article counts once (per kind). */
    const last = new Int32Array(n).fill(-1);
    const lastFrame = new Int32Array(n).fill(-1);
    const qStart = new Int32Array(n + 1);
    for (let p = 0; p < n; p++) qStart[p + 1] = qStart[p]! + data.qCount[p]!;
    const quotes = (p: number, q: number) => {
      for (let i = qStart[p]!; i < qStart[p + 1]!; i++) if (data.qs[i] === q) return true;
      return false;
    };
    for (const a of articles) {
      for (const h of findPatternHits(a.text, det)) {
        const slots = det.slotsOf(h.p) ? slotValues(a.text, h.start, h.end, det, h.p) : null;
        const [seen, count] = slots && !slots.own ? [lastFrame, frame] : [last, counts];
        if (seen[h.p] === a.q) continue;
        seen[h.p] = a.q;
        if (!quotes(h.p, a.q)) count[h.p]!++;
      }
    }
    return { literal: counts, frame };
  };
}
