/**
 * Windows NT Server 4.0, Terminal Server Edition: an edition with its own service packs, numbered
 * as NT 4.0's but built apart (NT 4.0 SP6a is not TSE SP6, and an article may fix NT 4.0 in SP5
 * and TSE only by a hotfix). Mentions of it carry `line: 'tse'` so a verdict compares a ticket's
 * TSE with the article's TSE fix, and its NT 4.0 with the NT 4.0 fix.
 */
import type { ProductMention } from './products';

const TSE_WORDS = /Terminal[\s\u00a0]{1,3}Server(?:[\s\u00a0]{1,3}Edition)?|(?<![\w])TSE(?![\w])/i;
// Right after the mention: "NT 4.0 Terminal Server", "Windows NT Server 4.0, Terminal Server Edition", "NT 4.0 (TSE)".
const TSE_AFTER = /^[\s\u00a0,(]{0,4}(?:Terminal[\s\u00a0]{1,3}Server(?![\s\u00a0]{1,3}(?:CALs?|licen))|TSE(?![\w]))/i;
// Just before it, in the same phrase: "TSE box (NT 4.0 SP4)", "Terminal Server Edition, NT 4.0 SP4".
const TSE_BEFORE = /(?:Terminal[\s\u00a0]{1,3}Server(?:[\s\u00a0]{1,3}Edition)?|(?<![\w])TSE)(?![\w])[^\n.;]{0,12}$/i;
// Words that start another machine or product between "TSE" and the mention.
const APART = /\b(?:and|plus|or|but|while|whereas|rest|other|others|also)\b|[,;/]/i;

/** Whether an article's or a fix's words name the Terminal Server Edition. */
export function namesTerminalServer(words: string): boolean {
  return /Terminal[\s\u00a0]{1,3}Server[\s\u00a0]{1,3}Edition|(?<![\w])TSE(?![\w])/i.test(words);
}

/** Marks the ticket's Windows NT 4.0 mentions that are the Terminal Server Edition (in place). */
export function markTerminalServer(text: string, products: ProductMention[]): void {
  for (const p of products) {
    if (p.family !== 'windows' || p.version !== '4.0' || p.line) continue;
    const before = text.slice(Math.max(0, p.start - 40), p.start);
    const lead = TSE_BEFORE.exec(before);
    if (
      TSE_WORDS.test(text.slice(p.start, p.end)) ||
      TSE_AFTER.test(text.slice(p.end, p.end + 30)) ||
      (lead !== null && !APART.test(lead[0].replace(TSE_WORDS, '')))
    )
      p.line = 'tse';
  }
}

/** The same service-pack line: both the Terminal Server Edition, or neither. */
export function sameLine(a: ProductMention, b: ProductMention): boolean {
  return (a.line ?? '') === (b.line ?? '');
}
