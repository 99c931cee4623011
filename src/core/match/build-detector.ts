/**
 * The build-time compiler: every quoted message of the index as a token pattern (pattern.ts),
 * with soft slots, weights damped by how common the message is in other articles (noise.ts), and
 * its anchor (anchor-choice.ts), written as the flat arrays of DetectorData. The runtime
 * structure that scans with them is detector.ts.
 */
import type { ArticleRecord, MessageKind } from '../article/types';
import { chooseAnchors } from './anchor-choice';
import { DETECTOR_FORMAT, DETECTOR_VERSION, type DetectorData } from './detector-data';
import { identifiedByNumber, pieces, thinFirstSentence } from './message-pieces';
import { findCodes } from './ndr-codes';
import { NDR_PHRASES, classifyText, type NdrClass } from './ndr-tables';
import { isFurniture, isProse, backgroundDamping, productNamesOf } from './noise';
import {
  MAX_ITEMS,
  SPECIFIC_CHARS,
  compilePattern,
  informativeChars,
  patternWeight,
  type CompiledPattern,
} from './pattern';

export interface BuildOptions {
  /** Minimum informative characters (see pattern.ts) for a message to become a pattern. */
  minInformative?: number;
  /** Example values become soft slots (soft-slots.ts); default true. */
  softSlots?: boolean;
  /**
   * Per pattern of the data given, how many articles that do not quote it contain it anyway
   * (background.ts). With it, prose is dropped and the rest damped (noise.ts).
   */
  background?: (data: DetectorData) => { literal: Int32Array; frame: Int32Array };
}

/** What building a detector found, for the index builder's report and the tests. */
export interface BuildStats {
  patterns: number;
  /** Patterns with at least one soft slot. */
  slotted: number;
  /** Slotted patterns whose literal frame equals another pattern's (another article's values, or another message). */
  collisions: number;
  /** Messages that stayed literal: their frame without the values was too thin. */
  thinFrames: number;
  furniture: number;
  prose: number;
  /** Messages whose frame was common in other articles with other values: they stayed literal. */
  commonFrames: number;
}

interface Draft {
  compiled: CompiledPattern;
  /** The message compiled without soft slots, to fall back on when its frame is too common. */
  literal: CompiledPattern;
  /** Weight of the message with its own values, and of its literal frame alone (soft slots). */
  weight: number;
  frameWeight: number;
  text: string;
  ndr: boolean;
  cls: NdrClass | undefined;
  qs: Set<number>;
  /** A status or error code in the message makes it more specific than its words say. */
  codeBonus: number;
}

// Codes a title names that the index keeps for the article: Jet errors ("XADM: Error -1022 When
// Starting the Directory", "Eseutil Ends with -1808 (Jet_ErrDiskFull)"), which the body often
// gives only in prose. A STOP or HRESULT code in a title adds nothing measurable and thins the
// weight of codes hundreds of articles share.
const TITLE_CODE = /^(?:error:-|jet_err)/;

/**
 * An Exchange NDR's diagnostic line alone ("MSEXCH:MSExchangeMTA:SITE:SERVER", its site and server
 * placeholders): it names only the component that wrote the bounce, which dozens of articles'
 * bounces print. It stays a pattern (its class and the bounce's situation hang on it) but weighs
 * little, so it does not add to an article's evidence as a message of its own would.
 */
const DIAGNOSTIC_LINE_WEIGHT = 0.15;
function diagnosticLineOnly(words: readonly (string | null)[]): boolean {
  const literal = words.filter((w): w is string => w !== null && w !== '');
  return literal.length <= 2 && literal[0] === 'msexch';
}

function qNumber(q: string): number {
  return Number(q.replace(/^Q/i, ''));
}

/** A frame needs this many literal tokens and informative characters to be matched without its values. */
const FRAME_MIN_LITERALS = 3;
const FRAME_MIN_INFORMATIVE = SPECIFIC_CHARS;

export function buildDetector(records: readonly ArticleRecord[], opts: BuildOptions = {}): DetectorData {
  return buildDetectorWithStats(records, opts).data;
}

export function buildDetectorWithStats(
  records: readonly ArticleRecord[],
  opts: BuildOptions = {},
): { data: DetectorData; stats: BuildStats } {
  const minInformative = opts.minInformative ?? 8;
  const soft = opts.softSlots ?? true;
  const drafts = new Map<string, Draft>();
  const codes = new Map<string, Set<number>>();
  const productNames = productNamesOf(records.flatMap((r) => r.products));
  const stats: BuildStats = {
    patterns: 0,
    slotted: 0,
    collisions: 0,
    thinFrames: 0,
    furniture: 0,
    prose: 0,
    commonFrames: 0,
  };
  const furniture = new Set<string>();
  /** Sentences too thin to stand alone, cut from a longer message: see below. */
  const thinPieces: Array<{ items: string; q: number }> = [];

  const add = (
    text: string,
    placeholders: readonly string[],
    kind: MessageKind | 'builtin',
    q: number | null,
    cls?: NdrClass,
    piece = false,
  ) => {
    const literalForm = compilePattern(text, placeholders);
    const literal = literalForm.items.filter((x) => x >= 0).length;
    if (literal < 2 || informativeChars(literalForm.words) < minInformative) return;
    // A sentence cut from a longer message stands alone only when it could name an article alone
    // or carries a code: "Try one or more of the following:" is advice any dialog gives.
    if (piece && informativeChars(literalForm.words) < SPECIFIC_CHARS && !identifiedByNumber(text)) {
      if (q !== null) thinPieces.push({ items: literalForm.items.join(','), q });
      return;
    }
    if (kind !== 'builtin' && isFurniture(text, literalForm.words, productNames)) {
      furniture.add(text);
      return;
    }
    let compiled = literalForm;
    const codeBonus = identifiedByNumber(text) ? 0.3 : 0;
    const weight = diagnosticLineOnly(literalForm.words)
      ? DIAGNOSTIC_LINE_WEIGHT
      : Math.min(1, patternWeight(literalForm.words) + codeBonus);
    let frameWeight = weight;
    if (soft && kind !== 'builtin') {
      const slotted = compilePattern(text, placeholders, true);
      // With slots, or with a value taken into the placeholder next to it (pattern.ts).
      if (slotted.slots || !sameItems(slotted.items, literalForm.items)) {
        const frame = slotted.items.filter((x) => x >= 0).length;
        if (
          frame >= FRAME_MIN_LITERALS &&
          informativeChars(slotted.words) >= Math.max(minInformative, FRAME_MIN_INFORMATIVE)
        ) {
          compiled = slotted;
          frameWeight = Math.min(weight, patternWeight(slotted.words) + codeBonus);
        } else stats.thinFrames++;
      }
    }
    // Patterns with the same items but other own values stay apart: each knows its articles' values.
    const sig = compiled.items.join(',') + (compiled.slots ? '|' + JSON.stringify(compiled.slots) : '');
    let d = drafts.get(sig);
    const ndr = kind === 'ndr' || kind === 'builtin';
    if (!d) {
      d = {
        compiled,
        literal: literalForm,
        weight,
        frameWeight,
        text,
        ndr,
        cls: cls ?? (ndr ? classifyText(text) : undefined),
        qs: new Set(),
        codeBonus,
      };
      drafts.set(sig, d);
    } else {
      if (ndr && !d.ndr) d.ndr = true;
      if (cls) d.cls = cls;
      else if (!d.cls && ndr) d.cls = classifyText(text);
      // Show the message as an article quotes it rather than the built-in phrase.
      if (kind !== 'builtin' && d.qs.size === 0) d.text = text;
    }
    if (q !== null) d.qs.add(q);
  };

  for (const [text, cls] of NDR_PHRASES) add(text, [], 'builtin', null, cls);
  for (const r of records) {
    const q = qNumber(r.q);
    const indexCode = (key: string) => {
      let set = codes.get(key);
      if (!set) codes.set(key, (set = new Set()));
      set.add(q);
    };
    for (const e of r.errors) {
      pieces(e.text).forEach((piece, i) => add(piece, e.placeholders, e.kind, q, undefined, i > 0));
      const thin = thinFirstSentence(e.text);
      if (thin) thinPieces.push({ items: compilePattern(thin, e.placeholders).items.join(','), q });
      for (const hit of findCodes(e.text, 50)) indexCode(hit.key);
    }
    // A code the title names is what the article is about ("Error -1022 When Starting the
    // Directory"), though its body may never quote the message that prints it.
    for (const hit of findCodes(r.title, 10)) if (TITLE_CODE.test(hit.key)) indexCode(hit.key);
  }
  // A thin sentence another article quotes as its whole message ("An object call caused an
  // exception.") is that message: the article quoting it inside a longer entry quotes it too.
  if (thinPieces.length > 0) {
    const whole = new Map<string, Draft>();
    for (const d of drafts.values()) if (d.qs.size > 0 && !d.compiled.slots) whole.set(d.literal.items.join(','), d);
    for (const t of thinPieces) whole.get(t.items)?.qs.add(t.q);
  }
  stats.furniture = furniture.size;

  let list = [...drafts.values()];
  let data = assemble(list, records, codes);
  if (opts.background) {
    const { literal: others, frame: frameOthers } = opts.background(data);
    const n = records.length;
    const keep: Draft[] = [];
    list.forEach((d, p) => {
      const own = others[p]!;
      const frame = own + frameOthers[p]!;
      const quoting = d.qs.size;
      // A built-in NDR reason line is what a bounce says, however many articles mention it.
      if (quoting > 0 && isProse(own, quoting, n)) {
        stats.prose++;
        return;
      }
      if (d.compiled.slots && isProse(frame, quoting, n)) {
        // Other values make it prose ("Invalid Page Fault in <module>"): only its own values match.
        d.compiled = d.literal;
        d.frameWeight = d.weight;
        stats.commonFrames++;
      }
      if (quoting > 0) {
        d.weight *= backgroundDamping(own, quoting, n);
        d.frameWeight *= backgroundDamping(frame, quoting, n);
      }
      keep.push(d);
    });
    list = keep;
    data = assemble(list, records, codes);
  }
  const frames = new Map<string, number>();
  for (const d of list) {
    const k = d.compiled.items.join(',');
    frames.set(k, (frames.get(k) ?? 0) + 1);
  }
  for (const d of list) {
    if (!d.compiled.slots) continue;
    stats.slotted++;
    if (frames.get(d.compiled.items.join(','))! > 1) stats.collisions++;
  }
  stats.patterns = list.length;
  return { data, stats };
}

function assemble(
  list: readonly Draft[],
  records: readonly ArticleRecord[],
  codes: ReadonlyMap<string, Set<number>>,
): DetectorData {
  const classes: string[] = [];
  // Most used tokens get the smallest (shortest) indices; ties by hash, so builds are reproducible.
  const uses = new Map<number, number>();
  for (const d of list)
    for (const h of d.compiled.items.slice(0, MAX_ITEMS)) if (h >= 0) uses.set(h, (uses.get(h) ?? 0) + 1);
  const vocab = [...uses.keys()].sort((a, b) => uses.get(b)! - uses.get(a)! || a - b);
  const vocabIndex = new Map(vocab.map((h, i) => [h, i]));
  const data: DetectorData = {
    format: DETECTOR_FORMAT,
    version: DETECTOR_VERSION,
    vocab,
    items: [],
    itemCount: [],
    anchor: [],
    meta: [],
    qCount: [],
    qs: [],
    text: [],
    classes,
    codes: {},
    slots: [],
  };
  const anchors = chooseAnchors(
    list.map((d) => d.compiled.items),
    records.map((r) => r.title),
  );
  let p = 0;
  for (const d of list) {
    const items = d.compiled.items.slice(0, MAX_ITEMS);
    for (const h of items) data.items.push(h < 0 ? h : vocabIndex.get(h)!);
    data.itemCount.push(items.length);
    data.anchor.push(anchors[p++]!);
    let ci = 0;
    if (d.cls) {
      ci = classes.indexOf(d.cls) + 1;
      if (ci === 0) {
        classes.push(d.cls);
        ci = classes.length;
      }
    }
    const weight = Math.round(d.weight * 255);
    const frame = d.compiled.slots ? Math.round(d.frameWeight * 255) : 0;
    data.meta.push((d.ndr ? 1 : 0) | (ci << 1) | (weight << 8) | (frame << 16));
    data.qs.push(...[...d.qs].sort((a, b) => a - b));
    data.qCount.push(d.qs.size);
    data.text.push(d.text);
    data.slots!.push(d.compiled.slots ?? 0);
  }
  for (const [k, set] of [...codes].sort(([a], [b]) => (a < b ? -1 : 1)))
    data.codes[k] = [...set].sort((a, b) => a - b);
  return data;
}

function sameItems(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
