/**
 * An event the ticket names by its ID and source rather than by its text: the Event Viewer's
 * copy ("Event Source: MSExchangeMTA" / "Event Category: ..." / "Event ID: 2051", source first)
 * or a sentence ("event 2051 from MSExchangeMTA", "Mouclass event ID 10"). Articles quote such an
 * event as "Event ID: 2051, Source: MSExchangeMTA" (article/messages.ts), which neither gives
 * token for token; each such mention is looked up as that text.
 */

/** Where the ticket names event `id` and a candidate `source` for it: the span runs over both. */
export interface EventMention {
  /** The quoted form an article's event takes: "Event ID: 2051, Source: MSExchangeMTA". */
  key: string;
  start: number;
  end: number;
}

/** "Event ID: 2051", "EventID=2051", "event 2124 and 1097", "Event ID 10" (a list takes every number). */
const EVENT_ID =
  /\bevent(?:[ \t]?id)?s?[ \t]*(?:[:=#]|\bno\.?)?[ \t]*(\d{1,5})\b((?:[ \t]*(?:,|\band\b|\bor\b|&)[ \t]*(?:event[ \t]*)?(?:id[ \t]*)?\d{1,5}\b){0,4})/gi;
/** "Source: Transaction Server", "Event Source:\tMSExchangeMTA": to the end of the field. */
const SOURCE_FIELD = /\bsource[ \t]*[:=][ \t]*([A-Za-z][\w .-]{0,38}?)[ \t]*(?=[\r\n\t,;)]| {2}|$)/gim;
/** "... from MSExchangeMTA", "(source: Mouclass)", right after the IDs. */
const SOURCE_AFTER = /^[ \t]*\(?(?:from|by|source|logged by)[ \t]*:?[ \t]*([A-Za-z][\w.-]{2,38})/i;
/** "Mouclass event ID 10", "MSExchangeIS event 1025": the source's name right before. */
const SOURCE_BEFORE = /([A-Za-z][\w.-]{2,38})[ \t]+$/;
/** How far an Event Viewer field may sit from the ID it belongs to. */
const FIELD_WINDOW = 300;
/** Words before "event" that are no source. */
const NOT_SOURCE =
  /^(?:an?|the|this|that|same|and|or|of|with|error|warning|information|system|application|security|log|logs|these|following|see|get|got|with|many|several|an?other)$/i;

export function findEventMentions(text: string, max = 64): EventMention[] {
  type Named = { name: string; start: number; end: number };
  const sources: Named[] = [];
  SOURCE_FIELD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SOURCE_FIELD.exec(text)) && sources.length < 4 * max) {
    const name = m[1]!.trim();
    const start = m.index + m[0].indexOf(name, m[0].indexOf(m[0].includes(':') ? ':' : '='));
    sources.push({ name, start, end: start + name.length });
  }
  const out: EventMention[] = [];
  EVENT_ID.lastIndex = 0;
  while ((m = EVENT_ID.exec(text)) && out.length < max) {
    const ids = [m[1]!, ...(m[2] ? (m[2].match(/\d{1,5}/g) ?? []) : [])];
    const idEnd = m.index + m[0].length;
    const names: Named[] = [];
    const after = SOURCE_AFTER.exec(text.slice(idEnd, idEnd + 60));
    if (after) names.push({ name: after[1]!, start: idEnd, end: idEnd + after[0].length });
    const near = sources
      .filter((s) => Math.abs(s.start - m!.index) <= FIELD_WINDOW)
      .sort((a, b) => Math.abs(a.start - m!.index) - Math.abs(b.start - m!.index));
    names.push(...near);
    const from = Math.max(0, m.index - 40);
    const before = SOURCE_BEFORE.exec(text.slice(from, m.index));
    if (before && !NOT_SOURCE.test(before[1]!))
      names.push({ name: before[1]!, start: from + before.index, end: m.index });
    const seen = new Set<string>();
    for (const id of ids)
      for (const n of names) {
        const key = `Event ID: ${id}, Source: ${n.name}`;
        if (seen.has(key.toLowerCase())) continue;
        seen.add(key.toLowerCase());
        out.push({ key, start: Math.min(m.index, n.start), end: Math.max(idEnd, n.end) });
      }
  }
  return out;
}
