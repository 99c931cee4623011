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

/**
 * "Event ID: 2051", "EventID=2051", "event 2124 and 1097", "Event ID 10" (a list takes every number).
 * Every quantifier is bounded, so a hostile run of spaces after "event" costs O(run), not O(run²).
 */
const EVENT_ID =
  /\bevent(?:[ \t]?id)?s?[ \t]{0,3}(?:[:=#]|\bno\.?)?[ \t]{0,3}(\d{1,5})\b((?:[ \t]{0,3}(?:,|\band\b|\bor\b|&)[ \t]{0,3}(?:event[ \t]{0,3})?(?:id[ \t]{0,3})?\d{1,5}\b){0,4})/gi;
/** "Source: Transaction Server", "Event Source:\tMSExchangeMTA": to the end of the field. */
const SOURCE_FIELD = /\bsource[ \t]{0,3}[:=][ \t]{0,3}([A-Za-z][\w .-]{0,38}?)[ \t]{0,3}(?=[\r\n\t,;)]| {2}|$)/gim;
/** Where one Event Viewer record ends: a blank line, or another record's "Event ID:" / "Event Type:" field. */
const RECORD_BOUND = /\n[ \t]{0,40}\r?\n|\bevent[ \t]?(?:id|type)[ \t]{0,3}[:=]/gi;
/** "... from MSExchangeMTA", "(source: Mouclass)", right after the IDs. */
const SOURCE_AFTER = /^[ \t]{0,3}\(?(?:from|by|source|logged by)[ \t]{0,3}:?[ \t]{0,3}([A-Za-z][\w.-]{2,38})/i;
/** "Mouclass event ID 10", "MSExchangeIS event 1025": the source's name right before. */
const SOURCE_BEFORE = /([A-Za-z][\w.-]{2,38})[ \t]{1,3}$/;
/** How far an Event Viewer field may sit from the ID it belongs to. */
const FIELD_WINDOW = 300;
/** Words before "event" that are no source. */
const NOT_SOURCE =
  /^(?:an?|the|this|that|same|and|or|of|with|error|warning|information|system|application|security|log|logs|these|following|see|get|got|with|many|several|an?other)$/i;

type Named = { name: string; start: number; end: number };

/**
 * The "Source:" field of the record an ID at [idStart, idEnd) belongs to, the nearest one only:
 * the record runs to a blank line or another record's ID or type field either side, so a source
 * is never borrowed from the entry above or below.
 */
function recordSource(text: string, idStart: number, idEnd: number): Named | null {
  const from = Math.max(0, idStart - FIELD_WINDOW);
  const to = Math.min(text.length, idEnd + FIELD_WINDOW);
  let recStart = from;
  const before = text.slice(from, idStart);
  RECORD_BOUND.lastIndex = 0;
  for (let b: RegExpExecArray | null; (b = RECORD_BOUND.exec(before));) {
    recStart = from + b.index + b[0].length;
    if (b[0].length === 0) RECORD_BOUND.lastIndex++;
  }
  RECORD_BOUND.lastIndex = 0;
  const after = RECORD_BOUND.exec(text.slice(idEnd, to));
  const recEnd = after ? idEnd + after.index : to;
  let best: Named | null = null;
  const rec = text.slice(recStart, recEnd);
  SOURCE_FIELD.lastIndex = 0;
  let m: RegExpExecArray | null;
  for (let n = 0; (m = SOURCE_FIELD.exec(rec)) && n < 256; n++) {
    const name = m[1]!.trim();
    const start = recStart + m.index + m[0].indexOf(name, m[0].indexOf(m[0].includes(':') ? ':' : '='));
    // A "Source:" inside the ID's own span is no field of its own.
    if (start >= idStart && start < idEnd) continue;
    if (!best || Math.abs(start - idStart) < Math.abs(best.start - idStart))
      best = { name, start, end: start + name.length };
  }
  return best;
}

/** Each event record's candidate keys, at most `max` per record. */
export function findEventMentions(text: string, max = 64): EventMention[] {
  const out: EventMention[] = [];
  EVENT_ID.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = EVENT_ID.exec(text))) {
    const ids = [m[1]!, ...(m[2] ? (m[2].match(/\d{1,5}/g) ?? []) : [])];
    const idEnd = m.index + m[0].length;
    const names: Named[] = [];
    const after = SOURCE_AFTER.exec(text.slice(idEnd, idEnd + 60));
    if (after) names.push({ name: after[1]!, start: idEnd, end: idEnd + after[0].length });
    const field = recordSource(text, m.index, idEnd);
    if (field) names.push(field);
    const from = Math.max(0, m.index - 40);
    const before = SOURCE_BEFORE.exec(text.slice(from, m.index));
    if (before && !NOT_SOURCE.test(before[1]!))
      names.push({ name: before[1]!, start: from + before.index, end: m.index });
    const seen = new Set<string>();
    let n = 0;
    for (const id of ids)
      for (const nm of names) {
        const key = `Event ID: ${id}, Source: ${nm.name}`;
        if (seen.has(key.toLowerCase()) || n >= max) continue;
        seen.add(key.toLowerCase());
        n++;
        out.push({ key, start: Math.min(m.index, nm.start), end: Math.max(idEnd, nm.end) });
      }
  }
  return out;
}
