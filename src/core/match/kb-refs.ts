/**
 * KB references in running text. A number counts only with a KB cue (Q, KB, MSKB, "article",
 * a support.microsoft.com address), so phone, order and ticket numbers, dates and build numbers
 * never do. Every quantifier is bounded: linear on any input.
 */

export interface KbHit {
  start: number;
  end: number;
  /** "Q227142" */
  value: string;
}

const URL_RE =
  /support\.microsoft\.com\/(?:(?:[a-z]{2}-[a-z]{2}\/)?(?:kb|help)\/(\d{4,7})(?![\d.]?\d)|[^\s"'<>]{0,80}?(?:scid=kb;[a-z-]{0,10};q?|[?&](?:kbid|id)=)(\d{4,7})(?!\d))[^\s"'<>)\]]{0,40}/gi;
// "Q227142", "q227142" (but not "Q248838engi.exe", "Q320376.cab", "FAQ1234")
const Q_RE = /(?<![A-Za-z0-9_\-/.$])[Qq](\d{4,7})(?![A-Za-z0-9_]|\.[A-Za-z]{2,4}\b|[.,]\d)/g;
// "KB227142", "KB 227142", "MSKB 227142", "KB# 227142", "KB: 227142", "KB article 227142"; not "64 KB 1024"
const KB_RE =
  /(?<![A-Za-z0-9_])(?<!\d[ \t]?)(?:MS[ \t]?)?KB[ \t]{0,2}(?:article[ \t]{1,2}|#|:|no\.?)?[ \t]{0,2}(?:Q)?(\d{4,7})(?![A-Za-z0-9_]|[.,]\d)/gi;
// "article 227142", "Knowledge Base article 227142", "article ID: 227142", "article number Q227142"
const ARTICLE_RE =
  /(?<![A-Za-z])(?:(?:Microsoft[ \t]{1,2})?Knowledge[ \t]?Base[ \t]{1,2})?article(?:[ \t]{1,2}(?:ID|number|no\.?))?[ \t]{0,2}[:#]?[ \t]{0,2}(?:Q)?(\d{5,7})(?![A-Za-z0-9_]|[.,]\d)/gi;
// The rest of a list: "KB 227142, 191014 and 194022"
const LIST_TAIL_RE = /^([ \t]{0,3}(?:,|and|or|&|\/)[ \t]{0,3})((?:Q|KB[ \t]?)?(\d{5,7}))(?![A-Za-z0-9_]|[.,]\d)/i;

function canonical(digits: string): string | null {
  const n = Number(digits);
  return n >= 1000 ? 'Q' + String(n) : null;
}

export function findKbRefs(text: string, limit = 1000): KbHit[] {
  const out: KbHit[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);
  const push = (start: number, end: number, digits: string) => {
    const value = canonical(digits);
    if (!value || out.length >= limit || overlaps(start, end)) return false;
    out.push({ start, end, value });
    taken.push([start, end]);
    return true;
  };
  let m: RegExpExecArray | null;
  URL_RE.lastIndex = 0;
  while ((m = URL_RE.exec(text)) && out.length < limit) {
    // Trailing punctuation belongs to the sentence, not the address.
    let end = m.index + m[0].length;
    while (end > m.index && /[.,;:!?]/.test(text[end - 1]!)) end--;
    let start = m.index;
    const pre = text.slice(Math.max(0, start - 12), start);
    const scheme = /(?:https?:\/\/)?(?:www\.)?$/i.exec(pre);
    if (scheme) start -= scheme[0].length;
    push(start, end, m[1] ?? m[2]!);
  }
  for (const re of [ARTICLE_RE, KB_RE, Q_RE]) {
    re.lastIndex = 0;
    while ((m = re.exec(text)) && out.length < limit) {
      if (!push(m.index, m.index + m[0].length, m[1]!)) continue;
      // A cue covers the numbers listed right after it.
      let at = m.index + m[0].length;
      for (let i = 0; i < 20; i++) {
        const tail = LIST_TAIL_RE.exec(text.slice(at, at + 40));
        if (!tail) break;
        push(at + tail[1]!.length, at + tail[0].length, tail[3]!);
        at += tail[0].length;
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
