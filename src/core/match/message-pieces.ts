/**
 * The texts a quoted message is matched by (build time): the whole message, and the sentences
 * that stand alone.
 */
import { identifiedByNumber } from './error-number';

export { identifiedByNumber };
import { SPECIFIC_CHARS, compilePattern, informativeChars } from './pattern';

const SENTENCE_SPLIT = /[.!?;:](?=\s)/g;
const FULL_STOP = /[.!?](?=\s)/g;

/**
 * A crash message ends in the memory address it faulted at ("... in MSO97.DLL at 0137:30733613.",
 * "at 0137:address.", "at address."): a value every machine prints differently, and a soft slot
 * cannot end a pattern (it would take the ticket's next word). The message is matched without it.
 */
const TRAILING_ADDRESS =
  /\s+at\s+(?:(?:[0-9a-f]{4}|#{4}|x{4}):(?:[0-9a-f]{8}|[0-9a-f]{4}|#{4,8}|x{4,8}|<?address>?|\.{3})|[0-9a-f]{8}|<?address>?)\s*\.?\s*$/i;

/**
 * An alternative value the article writes inside the message ("in module KERNEL32.DLL (or UNKNOWN) at"):
 * the screen shows one or the other, so the message is matched without it too. One token only:
 * "(or one of its components)" is the message's own text.
 */
const ALTERNATIVE = /\s\(or [^()\s]{1,30}\)(?=[\s.,;:]|$)/gi;

/**
 * A crash dialog quoted with its Details text in one line ("\"...will be shut down\" Details..
 * MSDEV caused an invalid page fault in module MSTEST.PKG"): the button's name joins two
 * messages; each is matched alone, and the first never as its own with the button glued on.
 */
const DETAILS_JOIN = /["']?\s+Details\s*(?:\.{1,3}|:|>>?)\s+(?=\S)/;

/**
 * An old Exchange bounce's MTS-ID line ("The MTS-ID of the original message is: c=US;a= ;p=ORG;l=...")
 * follows whatever the reason was: it says nothing about the reason, and kept in the message it
 * makes a bounce's generic reason ("The recipient name is not recognized") one article's own text.
 */
const MTS_ID_LINE = /\s*The MTS-ID of the original message is:?\s*(?:<[^<>]{1,40}>|\S+)/gi;

/**
 * The article's own label for a dialog's title bar ("Window Title: Microsoft Exchange Administrator
 * Access denied. ...", "(Title Bar:) mtx.exe - Unable to Locate DLL"): the screen shows the title,
 * not the label, so the message is matched without the label too.
 */
const TITLE_LABEL =
  /^\(?[ \t]*(?:(?:window|dialog(?:[ \t]+box)?|message[ \t]+box|box)[ \t]+)?(?:title(?:[ \t]+bar)?|caption)[ \t]*(?::[ \t]*\)|\)[ \t]*:|:)[ \t]*(?=\S)/i;

/**
 * The texts a message is matched by: the whole message (without a trailing crash address), and
 * its sentences. A long message may carry example values a ticket replaces, so each sentence
 * stands alone; a short one yields its first sentence too, because tickets cut a message short
 * ("System error 10049 has occurred. The system cannot find") more often than they begin it late.
 * Sentences too thin to say anything are dropped (here, and by the caller's minInformative and noise filter).
 */
export function pieces(message: string): string[] {
  const own = piecesOf(message);
  const other = respelled(message);
  return other === null ? own : [...new Set([...own, ...piecesOf(other)])];
}

/**
 * Words the products and the articles spell apart or joined: a token is a run of letters, so
 * "Runtime Error 3265" never matches the dialog's "Run-time error '3265'". The message is matched
 * in the other spelling too.
 */
const SPELLINGS: Array<[RegExp, string]> = [
  [/\bruntime(?=[ \t]+error)/gi, 'Run-time'],
  [/\brun[- ]time(?=[ \t]+error)/gi, 'Runtime'],
];

function respelled(text: string): string | null {
  for (const [re, to] of SPELLINGS) {
    re.lastIndex = 0;
    if (re.test(text)) return text.replace(re, to);
  }
  return null;
}

function piecesOf(message: string): string[] {
  const text = message.replace(MTS_ID_LINE, ' ').trim().replace(TRAILING_ADDRESS, '');
  if (!text) return [];
  const join = DETAILS_JOIN.exec(text);
  if (join) {
    const before = text.slice(0, join.index).replace(/^["']/, '');
    const after = text.slice(join.index + join[0].length);
    return [...new Set([text, ...piecesOf(before), ...piecesOf(after)])];
  }
  const label = TITLE_LABEL.exec(text);
  if (label) return [...new Set([text, ...piecesOf(text.slice(label[0].length))])];
  const plain = text.replace(ALTERNATIVE, '').replace(TRAILING_ADDRESS, '');
  if (plain !== text) return [...new Set([text, ...piecesOf(plain)])];
  const long = text.split(/\s+/).length > 24;
  // A short message splits only at full stops: "Field: value" is one line, not two sentences.
  const split = long ? SENTENCE_SPLIT : FULL_STOP;
  const sentences: string[] = [];
  let last = 0;
  split.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = split.exec(text))) {
    // A colon inside brackets ("runtime error [Line: 30] 'x' is undefined") labels a value, not a sentence.
    if (m[0] === ':' && openBracket(text.slice(last, m.index))) continue;
    sentences.push(text.slice(last, m.index + 1));
    last = m.index + 1;
  }
  sentences.push(text.slice(last));
  const parts = sentences.map((x) => x.trim()).filter((x) => x.length > 0);
  const out =
    parts.length < 2
      ? [text]
      : long
        ? [text, ...parts.filter((x) => !fragment(x))]
        : saysEnoughAlone(parts[0]!) && !fragment(parts[0]!)
          ? [text, parts[0]!]
          : [text];
  // A short message's first sentence must say enough alone ("We're sorry!" does not).
  const at = sourceLocation(text);
  if (at && !out.includes(at)) out.push(at);
  const rest = afterLabel(text);
  if (rest && !out.includes(rest)) out.push(rest);
  const reason = afterReasonCodes(text);
  if (reason && !out.includes(reason)) out.push(reason);
  return out;
}

/** The text opens a bracket it does not close. */
function openBracket(text: string): boolean {
  return text.lastIndexOf('[') > text.lastIndexOf(']') || text.lastIndexOf('(') > text.lastIndexOf(')');
}

/**
 * A piece cut at a field's colon that says nothing alone: a short label waiting for its value
 * ("Account 'Mail', Server:"), unless a code or numbered error names it, or the value with the
 * tail of a bracket ("30] 'x' is undefined."). A whole sentence before its detail ("... failed to
 * start because of the following error:") is what an agent pastes when the detail is cut off.
 */
function fragment(part: string): boolean {
  const label = /:$/.test(part) && part.split(/\s+/).length < LABEL_WORDS_MAX && !identifiedByNumber(part);
  return label || /^\d+\s*[\])]/.test(part);
}
const LABEL_WORDS_MAX = 6;

/**
 * A short message's first sentence when it does not say enough alone ("An object call caused an
 * exception." before the entry's values): no pattern of its own, but the same text another
 * article quotes as its whole message (build-detector.ts).
 */
export function thinFirstSentence(message: string): string | null {
  const text = message.trim();
  if (text.split(/\s+/).length > 24) return null;
  FULL_STOP.lastIndex = 0;
  const m = FULL_STOP.exec(text);
  if (!m) return null;
  const first = text.slice(0, m.index + 1).trim();
  return first.length < text.length && !saysEnoughAlone(first) ? first : null;
}

/**
 * A dialog's label before the message ("Compiler error:", "Run-time error '91':", "Warning:"):
 * products and articles word it differently ("Compile error:" in the VB6 dialog), so the words
 * after it are matched alone too, where they say enough by themselves.
 */
const LEADING_LABEL =
  /^(?:[A-Za-z][\w.-]{0,20}[ \t]+){0,3}(?:error|warning)(?:[ \t]+'?[\w-]{1,12}'?)?[ \t]*:[ \t]+(?=\S)/i;

function afterLabel(text: string): string | null {
  const m = LEADING_LABEL.exec(text);
  if (!m) return null;
  const rest = text.slice(m[0].length).trim();
  return informativeChars(compilePattern(rest).words) >= SENTENCE_MIN_INFORMATIVE ? rest : null;
}

/**
 * An old Exchange bounce's numeric reason and diagnostic ("Reason:1 Diagnostic:5 The maximum time
 * for delivering the message expired"): some articles quote them, others only the sentence after
 * them, as most tickets' bounces show it. The sentence is matched alone too.
 */
const LEADING_REASON_CODES = /^(?:(?:reason|diagnostic)[ \t]*:[ \t]*-?\d{1,4}[ \t]+){1,2}(?=\S)/i;

function afterReasonCodes(text: string): string | null {
  const m = LEADING_REASON_CODES.exec(text);
  if (!m) return null;
  const rest = text.slice(m[0].length).trim();
  return informativeChars(compilePattern(rest).words) >= SPECIFIC_CHARS ? rest : null;
}

/**
 * An assertion dialog's source location ("Debug Assertion Failed! Program: ... File: appui1.cpp
 * Line: 215"): tickets paste the dialog in its on-screen layout, with fields the article left out
 * (Program:, Expression:) between the title and the location, so the location - which names the
 * failing check - is matched alone too. Only where something comes before it.
 */
const SOURCE_LOCATION =
  /(?<=\S\s{1,4})\bFile(?::[ \t]{0,2}|[ \t]{1,2})[^\s,]{1,120}?[.,]?[ \t]{1,4}Line:?[ \t]{0,2}\d{1,6}\b/i;

function sourceLocation(text: string): string | null {
  const m = SOURCE_LOCATION.exec(text);
  return m ? m[0] : null;
}

/**
 * A first sentence stands alone when it is fully specific (patternWeight 1): each extra pattern
 * costs scan time, and a thinner one would rank nothing on its own anyway.
 */
const SENTENCE_MIN_INFORMATIVE = 30;

/** Enough informative characters, or a code or numbered error that identifies the message. */
function saysEnoughAlone(sentence: string): boolean {
  return informativeChars(compilePattern(sentence).words) >= SENTENCE_MIN_INFORMATIVE || identifiedByNumber(sentence);
}
