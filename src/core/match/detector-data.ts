/**
 * The detector as the index stores it (detect.json): what the build-time compiler
 * (build-detector.ts) writes and the runtime structure (detector.ts) loads.
 */

export const DETECTOR_FORMAT = 'kblens-detector';
export const DETECTOR_VERSION = 2;

/**
 * Serialised detector. Pattern p is described by slot p of every per-pattern array; its items and
 * articles are the next itemCount[p] and qCount[p] entries of the flat `items` and `qs` arrays.
 * Tokens are stored once, in `vocab`, so an item is a short index rather than a 10-digit hash
 * (version 2: detect.json 6.8 -> 4.3 MB).
 */
export interface DetectorData {
  format: typeof DETECTOR_FORMAT;
  version: number;
  /** Distinct literal tokens as FNV-1a hashes (uint32), most used first. */
  vocab: number[];
  /** Flat pattern items: a literal token's index in `vocab`, or a wildcard as -(max tokens). */
  items: number[];
  /** Per pattern: how many items it has. */
  itemCount: number[];
  /** Per pattern: the anchor's first item index * 4 + its length in tokens (1..3). */
  anchor: number[];
  /**
   * Per pattern: bit 0 = NDR, bits 1..7 = index into `classes` + 1 (0 = none), bits 8..15 = weight
   * 0..255, bits 16..23 = the weight of its literal frame alone (patterns with soft slots).
   */
  meta: number[];
  /** Per pattern: how many articles quote it; the articles are flat in `qs`, as KB numbers without the "Q". */
  qCount: number[];
  qs: number[];
  /** Per pattern: the message as an article quotes it, for display. */
  text: string[];
  classes: string[];
  /** Codes quoted by the articles ("5.7.1", "000c05a6", "0x8004011d", "x400-reason:1") -> KB numbers. */
  codes: Record<string, number[]>;
  /**
   * Per pattern: 0, or per wildcard the article's own value where it is a soft slot (null for a
   * placeholder). Absent in indexes built before soft slots: every wildcard is a placeholder.
   */
  slots?: ((string | null)[] | 0)[];
}
