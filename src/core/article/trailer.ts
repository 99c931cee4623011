/**
 * The trailer block after the body: "Additional query words:" and the field block between two
 * `=====` rules (Keywords, Component, Technology, Version, Hardware, Issue type, Solution Type).
 * Its Keywords are complete and space-separated, and its Version keeps the leading ":" the header
 * lost, so it is preferred over the header copies.
 */
import type { BodyLine } from './body-lines';

export interface Trailer {
  keywords: string[] | null;
  technology: string[];
  version: string | null;
  issueType: string[];
  solutionType: string[];
  additionalQueryWords: string | null;
  /** Index into the body lines where the trailer starts; the article text ends before it. */
  start: number;
}

const RULE = /^\s*={10,}\s*$/;
const FIELD = /^\s*(Keywords|Component|Technology|Version|Hardware|Issue type|Solution Type|Platform)\s*:\s?(.*)$/i;

export function readTrailer(lines: readonly BodyLine[], from: number): Trailer {
  const t: Trailer = {
    keywords: null,
    technology: [],
    version: null,
    issueType: [],
    solutionType: [],
    additionalQueryWords: null,
    start: lines.length,
  };
  // The field block: a rule followed by "Keywords :" (searched from the end: embedded readmes
  // have their own rules).
  let fieldsAt = -1;
  for (let i = lines.length - 2; i >= from; i--) {
    if (RULE.test(lines[i]!.text) && /^\s*Keywords\s*:/i.test(lines[i + 1]!.text)) {
      fieldsAt = i;
      break;
    }
  }
  if (fieldsAt >= 0) {
    t.start = fieldsAt;
    for (let i = fieldsAt + 1; i < lines.length; i++) {
      const text = lines[i]!.text;
      if (RULE.test(text)) break;
      const m = FIELD.exec(text);
      if (!m) continue;
      const key = m[1]!.toLowerCase();
      const value = m[2]!.trim();
      const words = value.split(/\s+/).filter((w) => w.length > 0);
      if (key === 'keywords') t.keywords = words;
      else if (key === 'technology') t.technology = words;
      else if (key === 'version') t.version = value;
      else if (key === 'issue type') t.issueType = words;
      else if (key === 'solution type') t.solutionType = words;
    }
  }
  // "Additional query words:" sits just before the rule (or, without a field block, near the end).
  const searchEnd = fieldsAt >= 0 ? fieldsAt : lines.length;
  for (let i = searchEnd - 1; i >= Math.max(from, searchEnd - 12); i--) {
    const m = /^\s*Additional query words\s*:\s?(.*)$/i.exec(lines[i]!.text);
    if (m) {
      t.start = i;
      t.additionalQueryWords = m[1]!.trim();
      break;
    }
  }
  return t;
}

/** The archive's tags ("kbDSupport", "prodnt") and bare version numbers ("3.10", "95") say nothing an agent types. */
const NOT_A_QUERY_WORD = /^(?:kb|prod)|^\d+(?:\.\d+)*[a-z]?$/i;

/** The words of an "Additional query words:" line that an agent might type, lowercased, unique. */
export function queryWordsOf(line: string | null): string[] {
  if (!line) return [];
  const out = new Set<string>();
  for (const w of line.split(/[\s,;]+/)) if (w && !NOT_A_QUERY_WORD.test(w)) out.add(w.toLowerCase());
  return [...out];
}
