/**
 * Soft slots: the example values an article's message carries ("Account 'Smith, John' did not
 * migrate", "Cannot find file 'A:\SETUP 1.CAB'", "on line 42"), which a ticket replaces by its own.
 * Found at build time; the matcher turns each into a wildcard that remembers the article's value,
 * so a ticket with another value still matches, with the weight of the literal words around it.
 *
 * Never a slot: what identifies the message (a value after error / code / ID / event / status, a
 * hex or status code), nor anything inside an explicit placeholder.
 */

export interface SoftSpan {
  start: number;
  end: number;
  /** How many tokens the wildcard may take in a ticket. */
  maxTokens: number;
  /** Between quotes: a ticket's value runs to the closing quote, so it may end a pattern. */
  quoted: boolean;
}

/** A quoted value runs to its closing quote within this many characters. */
const QUOTED_MAX = 80;
/** Tokens a quoted value, a path or an address may take in a ticket. */
const VALUE_TOKENS = 12;
/** Tokens a path or URL may take: a ticket's folders run deeper than the article's example. */
const PATH_TOKENS = 16;
/** Tokens a number may take ("1,024", "2.5"). */
const NUMBER_TOKENS = 3;

const OPEN_CLOSE: Record<string, string> = { "'": "'", '"': '"', '\u2018': '\u2019', '\u201c': '\u201d' };
/** A quoted value; an apostrophe between letters stays inside it ('Installed MSDN Collection's local directory'). */
const QUOTED_RE =
  /(?<![\p{L}\p{N}_])(['"\u2018\u201c])(?=[^\s'"])((?:[^'"\u2018\u2019\u201c\u201d\r\n]|(?<=\p{L})['\u2019](?=\p{L})){1,80}?)(?<=[^\s'"])(['"\u2019\u201d])(?![\p{L}\p{N}_])/gu;
/** A double-quoted value may hold an apostrophe: `_Screen.Caption="VFP '98"`, `"Lohn & Gehalt '99"`. */
const DOUBLE_QUOTED_RE =
  /(?<![\p{L}\p{N}_])(["\u201c])(?=[^\s"])([^"\u201c\u201d\r\n]{1,80}?)(?<=[^\s"])(["\u201d])(?![\p{L}\p{N}_])/gu;
/** A folder's name may hold spaces ("C:\\Program Files\\Common Files\\..."): a backslash after it says the path goes on. */
const PATH_RE =
  /(?<![\w\\/])(?:[A-Za-z]:\\|\\\\[\w$.-]{1,64}\\)(?:[^\s\\'"<>|*?]{1,64}(?: [^\s\\'"<>|*?]{1,64}){0,3}\\){0,16}[^\s'"<>|*?]{0,200}/g;
const URL_RE = /\b(?:https?|ftp|file):\/\/[^\s'"<>]{1,200}/gi;
const EMAIL_RE = /(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}/g;
const IPV4_RE = /(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w.]|\.\d)/g;
const HOST_RE =
  /(?<![\w.@\\/-])[A-Za-z][\w-]{0,62}(?:\.[\w-]{1,63}){1,5}\.(?:com|net|org|edu|gov|mil|int|local|corp|lan|internal)(?![\w-]|\.\w)/gi;
const FILE_RE =
  /(?<![\w.\\/$~-])[\w$~-]{1,64}\.(?:exe|dll|cab|txt|log|ini|inf|pst|ost|pab|oab|edb|stm|mdb|chk|msg|eml|doc|docx|xls|xlsx|ppt|pptx|pdf|zip|bat|cmd|vbs|htm|html|asp|aspx|xml|csv|tmp|dat|sys|drv|ocx|hlp|mdf|ldf|bak|rtf|jpg|gif|bmp|wav|ps1|msi|msp|mst)(?![\w.]|\.\w)/gi;
const NUMBER_RE =
  /\b(?:size|line|disk|account|port|partition|drive|page|row|column|offset|sector|block|length|record|instance|session|thread|process|item|volume|slot|channel|attempt|retry|count|limit|quota|age|day|days|hours|minutes|seconds|timeout)s?[ \t]{0,2}(?:[:=#]|no\.?)?[ \t]{0,2}(\d(?:[\d,]{0,14}\d)?(?:\.\d{1,6})?)(?![\w.]|\.\d)/gi;

/** The file name ending a path, where the product names it (a program, library, driver, help or setup file). */
const PROGRAM_FILE =
  /\\[^\\]{1,64}\.(?:exe|dll|sys|drv|vxd|386|ocx|cpl|hlp|chm|cnt|inf|ini|cab|msi|com|ovl|tlb|olb|ax|acm|idq|ida|htx|isa|pif|fon|ttf)$/i;

/** A value right after one of these words is the message's identity, not an example. */
const IDENTITY_BEFORE =
  /(?:\b(?:error|err|code|id|event|eventid|status|errno|hresult|rc|0x|response|reply)|#)[ \t]{0,2}(?:[:=#]|no\.?|number)?[ \t]{0,2}['"\u2018\u201c(]?$/i;
/**
 * The module a crash names ("caused an invalid page fault in module Kernel32.dll", "General
 * Protection Fault in PM4.EXE"): the same program failing in another module is another problem.
 * A fault word must come first: "run-time module X" or "in module X" alone names no crash.
 */
const CRASH_MODULE_BEFORE =
  /\b(?:fault|exception(?:[ \t]+\w+)?|IPF|GPF|invalid[ \t]+instruction|violation)[ \t]+in[ \t]+(?:the[ \t]+)?(?:module[ \t]+)?['"\u2018\u201c(]?$/i;
const CRASH_MODULE_WINDOW = 48;

/** Whether the value starting at `at` is the module a crash names (it is then not an example). */
export function namesCrashModule(text: string, at: number): boolean {
  return CRASH_MODULE_BEFORE.test(text.slice(Math.max(0, at - CRASH_MODULE_WINDOW), at));
}
/** Values that are codes themselves, or a server's reply that starts with one ("554 Relaying denied"). */
const CODE_VALUE = /^(?:0x[0-9a-f]{1,16}|[0-9a-f]{8}|#?[245]\.\d{1,3}\.\d{1,3}|-?\d{1,10})$|^[245]\d\d[ -]/i;

type Candidate = SoftSpan;

/** Where a path, URL or address ends: trailing punctuation is the sentence's. */
function valueEnd(text: string, start: number, end: number): number {
  while (end > start && /[.,;:!?)\]}>]/.test(text[end - 1]!)) end--;
  return end;
}

/** A path's folders, without the program file it ends in (that names the message). */
function pathFolders(text: string, start: number, end: number): number {
  const file = PROGRAM_FILE.exec(text.slice(start, end));
  return file ? start + file.index + 1 : end;
}

/**
 * The text with each placeholder masked as a value's part, so the value regexes run through it:
 * letters inside a path ("d:\<%winnt%>\system32"), a drive letter where a path goes on after it
 * ("<drive>:\setup", "<drive:>\setup").
 */
function masked(text: string, spans: readonly { start: number; end: number }[]): string {
  let out = '';
  let pos = 0;
  for (const s of spans) {
    const len = s.end - s.start;
    const before = text[s.start - 1] ?? '';
    const after = text[s.end] ?? '';
    let mask = 'x'.repeat(len);
    if (!/[\\/:@.]/.test(before)) {
      if (after === ':') mask = ' '.repeat(len - 1) + 'x';
      else if (after === '\\' && len >= 2) mask = ' '.repeat(len - 2) + 'x:';
    }
    out += text.slice(pos, s.start) + mask;
    pos = s.end;
  }
  return out + text.slice(pos);
}

/** Values a placeholder can be part of: a path, a URL, an e-mail address, a host name. */
const FOLDABLE: readonly [RegExp, number][] = [
  [URL_RE, PATH_TOKENS],
  [PATH_RE, PATH_TOKENS],
  [EMAIL_RE, VALUE_TOKENS],
  [HOST_RE, VALUE_TOKENS],
];

/**
 * The placeholders widened to the value each is part of: a path's folders, a URL's site or an
 * address that runs through a placeholder or up to it with no space between
 * ("d:\<%winnt%>\system32\EMSMDB32.DLL", "x:\CRW;<system paths>", "<server>.example.com") are the
 * user's, so the placeholder's wildcard takes them in; the file name the path ends in stays literal.
 * Sorted and merged; `maxTokens` is how many tokens the widened wildcard may take.
 */
export function widenPlaceholders(
  text: string,
  spans: readonly { start: number; end: number }[],
): { start: number; end: number; maxTokens?: number }[] {
  const out: { start: number; end: number; maxTokens?: number }[] = spans.map((s) => ({ start: s.start, end: s.end }));
  if (spans.length === 0) return out;
  const m0 = masked(text, spans);
  for (const [re, maxTokens] of FOLDABLE) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(m0))) {
      const start = m.index;
      let end = valueEnd(m0, start, start + m[0].length);
      // The article marked what varies: a path's file name and a URL's path stay as written
      // around their own placeholders ("c:\<winnt>\System32\Config.nt", "http://<server>/exchange/logon.asp").
      if (re === PATH_RE) end = start + m0.slice(start, end).lastIndexOf('\\') + 1;
      else if (re === URL_RE) {
        const path = m0.indexOf('/', m0.indexOf('//', start) + 2);
        if (path >= 0 && path < end) end = path + 1;
      }
      if (end <= start) continue;
      // Through a placeholder, or touching one across punctuation only (no space, no word).
      const touches = spans.some(
        (t) =>
          (start < t.end && end > t.start) ||
          (end <= t.start && /^[^\s\p{L}\p{N}_]*$/u.test(text.slice(end, t.start))) ||
          (start >= t.end && /^[^\s\p{L}\p{N}_]*$/u.test(text.slice(t.end, start))),
      );
      if (touches) out.push({ start, end, maxTokens });
    }
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number; maxTokens?: number }[] = [];
  for (const s of out) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) {
      last.end = Math.max(last.end, s.end);
      if (s.maxTokens !== undefined) last.maxTokens = Math.max(last.maxTokens ?? 0, s.maxTokens);
    } else merged.push({ ...s });
  }
  return merged;
}

/** The soft slots of a message, in order, none overlapping `taken` (its explicit placeholders). */
export function findSoftSlots(text: string, taken: readonly { start: number; end: number }[] = []): SoftSpan[] {
  const found: Candidate[] = [];
  const identity = (at: number) =>
    IDENTITY_BEFORE.test(text.slice(Math.max(0, at - 24), at)) || namesCrashModule(text, at);
  let m: RegExpExecArray | null;
  for (const re of [QUOTED_RE, DOUBLE_QUOTED_RE]) {
    re.lastIndex = 0;
    while ((m = re.exec(text))) {
      if (OPEN_CLOSE[m[1]!] !== m[3]) {
        re.lastIndex = m.index + 1;
        continue;
      }
      const start = m.index + 1;
      const inner = m[2]!;
      if (inner.length > QUOTED_MAX || !/[\p{L}\p{N}]/u.test(inner) || CODE_VALUE.test(inner) || identity(m.index))
        continue;
      found.push({ start, end: start + inner.length, maxTokens: VALUE_TOKENS, quoted: true });
    }
  }
  for (const re of [URL_RE, PATH_RE, EMAIL_RE, IPV4_RE, HOST_RE, FILE_RE]) {
    re.lastIndex = 0;
    while ((m = re.exec(text))) {
      let end = valueEnd(text, m.index, m.index + m[0].length);
      if (end <= m.index || identity(m.index)) continue;
      // A path's folders are the user's, but a program file's name is what the message is about
      // ("Cannot find the C:\...\VBA\VEENLR3.HLP"): only the folders are the slot. A document's
      // name is the user's too ("Cannot Open Program Group File D:\WIN31\OTHER.GRP").
      if (re === PATH_RE) end = pathFolders(text, m.index, end);
      found.push({
        start: m.index,
        end,
        maxTokens: re === PATH_RE || re === URL_RE ? PATH_TOKENS : VALUE_TOKENS,
        quoted: false,
      });
    }
  }
  NUMBER_RE.lastIndex = 0;
  while ((m = NUMBER_RE.exec(text))) {
    const start = m.index + m[0].length - m[1]!.length;
    if (identity(m.index)) continue;
    found.push({ start, end: start + m[1]!.length, maxTokens: NUMBER_TOKENS, quoted: false });
  }
  // The widest candidate wins where they overlap (a file name inside a quoted path is the path).
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: SoftSpan[] = [];
  for (const c of found) {
    const last = out[out.length - 1];
    if (last && c.start < last.end) continue;
    if (taken.some((t) => c.start < t.end && c.end > t.start)) continue;
    out.push(c);
  }
  return out;
}
