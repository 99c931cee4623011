/**
 * KB numbers: the one place that knows how a Q-number is written, padded and addressed.
 */
import { findKbRefs } from './match/kb-refs';

/** Q-numbers in the archive run from 4 to 6 digits (Q6749 .. Q327491); KB numbers later grew to 7. */
const DIGITS = /^\d{4,7}$/;

/**
 * Reads a KB number the way a person types it: "Q227142", "KB227142", "kb 227142", "227142",
 * "MSKB 227142", "support.microsoft.com/kb/227142", "...default.aspx?scid=kb;en-us;227142".
 * Returns the canonical "Q227142", or null when the input is not a KB number.
 */
export function parseKbNumber(input: string): string | null {
  const s = input.trim();
  const url =
    /support\.microsoft\.com\/(?:[a-z]{2}-[a-z]{2}\/)?(?:kb|help)\/(\d{4,7})\b/i.exec(s) ??
    /scid=kb;[a-z-]*;(?:Q)?(\d{4,7})\b/i.exec(s);
  if (url) return canonical(url[1]!);
  const m = /^(?:ms)?(?:kb|q)?\s*(?:article\s*)?#?\s*(\d+)$/i.exec(s.replace(/[:.,;]+$/, ''));
  if (m && DIGITS.test(m[1]!)) return canonical(m[1]!);
  return null;
}

/**
 * One query string (a search box, the omnibox) as a KB number, in any form an agent pastes: what
 * parseKbNumber reads, plus every address and phrase the matcher recognises in running text
 * ("Knowledge Base article Q227142", ".../support/kb/articles/Q227/1/42.asp", "?kbid=227142").
 * Null unless the whole string is that one reference: a version ("5.5.2448.0"), a sentence that
 * merely contains a number, or an address without a number is not one.
 */
export function parseKbReference(text: string): string | null {
  // Every form names the article's digits. A query of words (most of what the search box gets)
  // skips the reference patterns, whose first use costs a restarted worker's first search ~5 ms.
  if (!/\d/.test(text)) return null;
  const direct = parseKbNumber(text);
  if (direct) return direct;
  const s = text.trim().replace(/^[<("'[]+|[>)"'\].,;:!?]+$/g, '');
  if (s.length === 0 || s.length > 300) return null;
  const hits = findKbRefs(s, 2);
  if (hits.length !== 1) return null;
  const h = hits[0]!;
  // The reference must be the query, not a part of it: only a scheme or trailing slash may remain.
  const rest = s.slice(0, h.start) + s.slice(h.end);
  return /^[\s/]*$/.test(rest.replace(/^\s*(?:https?:\/\/)?(?:www\.)?/i, '')) ? h.value : null;
}

function canonical(digits: string): string {
  return 'Q' + String(Number(digits));
}

/** The number part of "Q227142", as a number. */
export function kbDigits(q: string): number {
  return Number(q.replace(/^Q/i, ''));
}

/**
 * The archive's folder for an article: the first three digits of the number zero-padded to six
 * ("Q10022" -> "010", "Q227142" -> "227"). The bundled index shards records the same way, so a
 * lookup reads one small shard.
 */
export function bucketOf(q: string): string {
  return String(kbDigits(q)).padStart(6, '0').slice(0, 3);
}

export const ARCHIVE_BASE_URL = 'https://jeffpar.github.io/kbarchive';

export function permalinkOf(q: string): string {
  return `/kb/${bucketOf(q)}/${q}/`;
}

export function articleUrl(q: string): string {
  return ARCHIVE_BASE_URL + permalinkOf(q);
}

/**
 * A record's link, where one may point: only http(s) links leave the card or the popup. A
 * record is data (a team's own article can say anything), and data must not become a
 * javascript: URL; anything else links to the article in the archive.
 */
export function safeArticleUrl(url: string | undefined, q: string): string {
  return url && /^https?:\/\/[^\s]/i.test(url) && !/[\u0000-\u001f]/.test(url) ? url : articleUrl(q);
}
