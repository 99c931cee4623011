/**
 * Codes inside NDRs and error messages: enhanced status codes (only with an SMTP cue, so a version
 * "5.1.1" in prose is not one), Exchange 2007+ status components, MSEXCH diagnostic lines, X.400
 * reason and diagnostic codes, COM/MAPI error codes, and Jet (ESE) errors ("error -1022",
 * "JET_errDiskIO"). Each regex has bounded quantifiers only,
 * so it runs in linear time on any input.
 */
import {
  ENHANCED_STATUS,
  EXCHANGE_STATUS_CODES,
  MSEXCH_CODES,
  X400_DIAGNOSTICS,
  X400_REASONS,
  classifyText,
  x400Index,
  type NdrClass,
} from './ndr-tables';
import { Cue, RegexCursor, type CueLists } from './regex-cues';

export interface CodeHit {
  kind: 'ndr' | 'error';
  start: number;
  end: number;
  /** Normalised code: "5.1.1", "000C05A6", "RESOLVER.ADR.RecipNotFound", "X.400 reason 1", "0x8004011D", "-1022". */
  value: string;
  /** Key of the code in the detector's code index (lower case). */
  key: string;
  class?: NdrClass;
}

const COMPONENT = '(?:RESOLVER|QUEUE|SMTPSEND|SMTPSUBMIT|ROUTING|STOREDRV|CAT|AGENT)(?:\\.[A-Za-z]{1,40}){1,3}';

// "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##", "550 5.7.1 Relaying prohibited", "<x@y #5.1.1>".
// Only a failure's class, 4 (transient) or 5 (permanent): a 2.x.x status says the server took the
// command or delivered the message ("250 2.1.5 Recipient OK" in a telnet test, "Status: 2.0.0" in a
// delivery notice). Read as a failure, its detail took the class of a failure's (2.1.0 an
// address error, 2.6.0 a content error) and its card explained a bounce that never happened.
const ENHANCED_RE = new RegExp(
  `(?<![\\w.#])(?:#?([245]\\d\\d)[ \\t-]{1,3}#?|#)([45])\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d]|\\.\\d)` +
    `(?:[ \\t]{1,3}(${COMPONENT})(?![\\w.]))?(?:;[^#\\r\\n]{0,80}##)?`,
  'g',
);
// "Status: 5.1.1", "status code 5.2.2" (a failure's class only, as above)
const STATUS_RE = /\bstatus(?:[ \t]{1,3}code)?[ \t]{0,3}[:=]?[ \t]{0,3}([45])\.(\d{1,3})\.(\d{1,3})(?!\d|\.\d)/gi;
const COMPONENT_RE = new RegExp(`(?<![\\w.])${COMPONENT}(?![\\w.])`, 'g');
// "MSEXCH:IMS:Org:Site:Server 0 (000C05A6) Unknown Recipient"
const MSEXCH_RE =
  /MSEXCH:[A-Za-z]{1,24}(?::[^\s:]{0,64}){0,4}(?:[ \t]{1,3}(\d{1,5})[ \t]{1,3}\(([0-9A-Fa-f]{8})\)(?:[ \t]{1,3}([^\r\n.;]{1,80}))?)?/g;
// "Reason: 1", "Reason Code: 1", "reason code unable-to-transfer", "Diagnostic:5", "diagnostic code content-syntax-error"
const X400_RE =
  /\b(reason|diagnostic)(?:[ \t]{0,3}code[ \t]{0,3}[:=]?[ \t]{0,3}|[ \t]{0,3}[:=][ \t]{0,3})(?:(\d{1,2})(?!\d|\.\d)|([a-z]{1,20}(?:-[a-z]{1,20}){1,5}))/gi;
const HEX_RE = /(?<![\w])0x([0-9a-f]{8})(?![\w])/gi;
const MAPI_RE = /(?<![\w])MAPI_[EW]_[A-Z_]{3,40}(?![\w])/g;
// "JET_errReadVerifyFailure", "Jet_ErrDiskFull"
const JET_RE = /(?<![\w])JET_err[A-Za-z]{3,40}(?![\w])/gi;
// A negative error number ("error -1022", "Jet error -1018", "-1811 errors", "-1808 (JET_errDiskFull)"),
// Jet's and a few other programs'. A negative number is an error only next to an error word:
// "-1000 ms", "offset -1024" and "-20 degrees" are not.
const NEGATIVE_RE = /(?<![\w.\-\u2212\u2013])[-\u2212\u2013](\d{3,4})(?![\w]|[.,]\d)/g;
const NEGATIVE_BEFORE =
  /(?:\b(?:errors?|err\.?|jet|ese|returned|code|error[ \t]{1,2}(?:type|id|number|no\.?))[ \t]{0,2}[:=#(]?[ \t]{0,2})$/i;
const NEGATIVE_AFTER = /^\)?[ \t]{0,2}[,(]?[ \t]{0,2}(?:errors?\b|err\b|jet_err)/i;
const NEGATIVE_UNIT =
  /^[ \t]{0,2}(?:ms|msec|s|sec|seconds?|minutes?|°|degrees?|c|f|db|dbm|ppm|%|px|mv|v|bytes?|kb|mb|gb)\b/i;
// "Error -1022 and -1032", "-1022 or -1026 Error": one error word covers the list.
const LIST_JOIN = /^[ \t]{0,2}(?:,|and|or|&|\/)[ \t]{0,2}$/i;

function enhancedClass(subject: string, detail: string, after: string): NdrClass | undefined {
  const key = `${subject}.${detail}`;
  if (key === '7.1' && /relay/i.test(after)) return 'relay-denied';
  // Vendors' extended details (Exchange Online's 5.7.606, 5.4.300...) keep their subject's meaning.
  return ENHANCED_STATUS[key] ?? ENHANCED_STATUS[`${subject}.0`];
}

/** An enhanced status code ("5.1.1") found by `m`, keyed by the code itself. */
function statusHit(m: RegExpExecArray, code: string, cls: NdrClass | undefined): CodeHit {
  return {
    kind: 'ndr',
    start: m.index,
    end: m.index + m[0].length,
    value: code,
    key: code,
    ...(cls ? { class: cls } : {}),
  };
}

/**
 * Every code hit in `text`, in no particular order; at most `limit` of them. With `cues` (noted by
 * the tokeniser over all of `text`), the regexes run only where they can match.
 */
export function findCodes(text: string, limit = 2000, cues?: CueLists): CodeHit[] {
  const out: CodeHit[] = [];
  const push = (h: CodeHit) => {
    if (out.length < limit) out.push(h);
  };
  let m: RegExpExecArray | null;
  const cursor = (re: RegExp, kind: Cue) =>
    new RegexCursor(re, text, cues?.starts[kind], cues?.lo[kind], cues?.hi[kind]);

  const enhanced = cursor(ENHANCED_RE, Cue.Enhanced);
  while ((m = enhanced.next()) && out.length < limit) {
    const code = `${m[2]}.${m[3]}.${m[4]}`;
    const comp = m[5];
    const cls =
      (comp && EXCHANGE_STATUS_CODES[comp.toLowerCase()]) ||
      enhancedClass(m[3]!, m[4]!, text.slice(m.index + m[0].length, m.index + m[0].length + 80) + m[0]);
    push(statusHit(m, code, cls));
  }
  const statuses = cursor(STATUS_RE, Cue.Status);
  while ((m = statuses.next()) && out.length < limit) {
    const code = `${m[1]}.${m[2]}.${m[3]}`;
    push(statusHit(m, code, enhancedClass(m[2]!, m[3]!, text.slice(m.index, m.index + m[0].length + 80))));
  }
  const components = cursor(COMPONENT_RE, Cue.Component);
  while ((m = components.next()) && out.length < limit) {
    const key = m[0].toLowerCase();
    const cls = EXCHANGE_STATUS_CODES[key];
    push({ kind: 'ndr', start: m.index, end: m.index + m[0].length, value: m[0], key, ...(cls ? { class: cls } : {}) });
  }
  const msexchLines = cursor(MSEXCH_RE, Cue.Msexch);
  while ((m = msexchLines.next()) && out.length < limit) {
    const hex = m[2]?.toLowerCase();
    const cls = (hex && MSEXCH_CODES[hex]) || (m[3] ? classifyText(m[3]) : undefined);
    const value = hex ? hex.toUpperCase() : (/^MSEXCH:[A-Za-z]+/.exec(m[0])?.[0] ?? 'MSEXCH');
    push({
      kind: 'ndr',
      start: m.index,
      end: m.index + m[0].trimEnd().length,
      value,
      key: hex ?? value.toLowerCase(),
      ...(cls ? { class: cls } : {}),
    });
  }
  const x400s = cursor(X400_RE, Cue.X400);
  while ((m = x400s.next()) && out.length < limit) {
    const which = m[1]!.toLowerCase() as 'reason' | 'diagnostic';
    const table = which === 'reason' ? X400_REASONS : X400_DIAGNOSTICS;
    const n = m[2] !== undefined ? Number(m[2]) : x400Index(table, m[3]!);
    const entry = table[n];
    if (n < 0 || !entry) continue;
    const value = `X.400 ${which} ${n}`;
    push({
      kind: 'ndr',
      start: m.index,
      end: m.index + m[0].length,
      value,
      key: `x400-${which}:${n}`,
      class: entry[1],
    });
  }
  const hexCodes = cursor(HEX_RE, Cue.Hex);
  while ((m = hexCodes.next()) && out.length < limit) {
    // 0x00000000 is success or an empty parameter (a STOP screen prints three): it names no error.
    if (/^0+$/.test(m[1]!)) continue;
    const value = '0x' + m[1]!.toUpperCase();
    push({ kind: 'error', start: m.index, end: m.index + m[0].length, value, key: value.toLowerCase() });
  }
  const mapiCodes = cursor(MAPI_RE, Cue.Mapi);
  while ((m = mapiCodes.next()) && out.length < limit) {
    push({ kind: 'error', start: m.index, end: m.index + m[0].length, value: m[0], key: m[0].toLowerCase() });
  }
  const jetCodes = cursor(JET_RE, Cue.Jet);
  while ((m = jetCodes.next()) && out.length < limit) {
    push({ kind: 'error', start: m.index, end: m.index + m[0].length, value: m[0], key: m[0].toLowerCase() });
  }
  for (const h of negativeErrors(text, cursor(NEGATIVE_RE, Cue.Negative), limit - out.length)) push(h);
  return out;
}

/** The negative numbers an error word names, alone or in a list with one that has it. */
function negativeErrors(text: string, numbers: RegexCursor, limit: number): CodeHit[] {
  const seen: { start: number; end: number; digits: string; cued: boolean }[] = [];
  let m: RegExpExecArray | null;
  while ((m = numbers.next()) && seen.length < limit) {
    const start = m.index;
    const end = start + m[0].length;
    const after = text.slice(end, end + 24);
    if (NEGATIVE_UNIT.test(after)) continue;
    const cued = NEGATIVE_BEFORE.test(text.slice(Math.max(0, start - 24), start)) || NEGATIVE_AFTER.test(after);
    seen.push({ start, end, digits: m[1]!, cued });
  }
  // A list shares its cue both ways: spread it forward, then back, over numbers joined by "and", "or", ",".
  const joined = (i: number) => LIST_JOIN.test(text.slice(seen[i]!.end, seen[i + 1]!.start));
  for (let i = 0; i + 1 < seen.length; i++)
    if (seen[i]!.cued && !seen[i + 1]!.cued && joined(i)) seen[i + 1]!.cued = true;
  for (let i = seen.length - 2; i >= 0; i--) if (seen[i + 1]!.cued && !seen[i]!.cued && joined(i)) seen[i]!.cued = true;
  return seen
    .filter((h) => h.cued)
    .map((h) => ({ kind: 'error', start: h.start, end: h.end, value: `-${h.digits}`, key: `error:-${h.digits}` }));
}
