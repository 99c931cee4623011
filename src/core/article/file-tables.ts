/**
 * Fixed file names and versions from every layout the archive uses: boxed `+---+` tables,
 * column tables under a dashed rule, one-line time stamps, and prose ("Store.exe 5.5.2651.32 or
 * later").
 */
import type { BodyLine } from './body-lines';
import type { FileVersion, ParseIssue } from './types';
import { collapse, sentences } from './text';

export interface FileTableResult {
  files: FileVersion[];
  /** Rows of a file table that could not be read; the caller adds the file path. */
  warnings: Array<Omit<ParseIssue, 'file'>>;
}

// The extension may be all digits for drivers such as "Vip.386"; the name must still have a letter.
const FILE_NAME = /^[A-Za-z0-9_$~@+-][\w$~@+()-]*(?:\.[\w$~-]+)*\.(?:[A-Za-z_][\w]{0,3}|\d{3})$/;
const SENTENCE_WORD = /^(?:the|a|an|and|or|as|to|of|is|are|has|have|been|this|that|following|for|with|from|in|on)$/i;
/** Words a column table's row can hold after the file name: the platform, the language. */
const PLATFORM = /^(?:intel|alpha|x86|i386|ia64|x64|amd64|ppc|mips|windows|nt|winsock2|english|german|french)$/i;
const VERSION = /^\d+(?:\.\d+)+[a-z]?$/i;
/** A size with thousands separators ("185.760", "1,024"), which can look like a version. */
const SIZE = /^\d{1,3}(?:[.,]\d{3})+$/;
// No "." separator: "4.02.0738" is a version, not a date.
const DATE = /^(?:\d{1,2}[-/]\d{1,2}[-/]\d{2,4}|\d{1,2}-[A-Za-z]{3}-\d{2,4}|[A-Za-z]{3}-\d{1,2}-\d{2,4})$/;
const TIME = /^\d{1,2}:\d{2}(?::\d{2})?(?:[ap]m?)?$/i;
const NOT_A_VERSION = /^(?:n\/?a|none|-+|—)$/i;

export function readFileTables(lines: readonly BodyLine[]): FileTableResult {
  const out: FileTableResult = { files: [], warnings: [] };
  const used = new Set<number>();
  readBoxed(lines, out, used);
  readColumns(lines, out, used);
  readStamps(lines, out, used);
  readProse(lines, out, used);
  out.files = dedupe(out.files);
  return out;
}

// ---- boxed tables -------------------------------------------------------------------------

function readBoxed(lines: readonly BodyLine[], out: FileTableResult, used: Set<number>): void {
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*[+|]/.test(lines[i]!.text) || !/^\s*\+-{3,}/.test(lines[i]!.text)) continue;
    let end = i;
    while (end < lines.length && /^\s*[+|]/.test(lines[end]!.text)) end++;
    const rows = lines.slice(i, end).filter((l) => /^\s*\|/.test(l.text));
    i = end - 1;
    const header = rows[0];
    if (!header) continue;
    const cells = splitRow(header.text);
    const fileCol = cells.findIndex((c) => /^(?:file\s*name|file|filename|name)$/i.test(c));
    if (fileCol < 0) continue;
    const versionCol = cells.findIndex((c) => /version/i.test(c));
    // A table with neither version nor date lists what a download or a folder holds ("| File
    // name | Size |" of a sample, "| Icon | File Name |"), not the files of a fix, unless a fix
    // preamble introduces it.
    if (versionCol < 0 && !cells.some((c) => /^date/i.test(c)) && !fixPreamble(lines, i)) continue;
    for (const row of rows.slice(1)) {
      used.add(row.line);
      const rc = splitRow(row.text);
      const name = (rc[fileCol] ?? '').trim();
      if (!name) continue;
      if (!FILE_NAME.test(name)) {
        out.warnings.push({
          line: row.line,
          message: `file table row has no readable file name: "${collapse(row.text).slice(0, 80)}"`,
        });
        continue;
      }
      out.files.push({ name, version: versionCol >= 0 ? cleanVersion(rc[versionCol]) : null });
    }
  }
}

/** "The English version of this fix should have the following file attributes": in the lines just above. */
function fixPreamble(lines: readonly BodyLine[], at: number): boolean {
  const before = lines
    .slice(Math.max(0, at - 8), at)
    .map((l) => l.text)
    .join(' ');
  return /\b(?:fix|hotfix|file attributes|updated? files?|service pack|QFE)\b/i.test(before);
}

function splitRow(text: string): string[] {
  const t = text
    .trim()
    .replace(/^\|/, '')
    .replace(/\|\s*$/, '');
  return t.split('|').map((c) => c.trim());
}

function cleanVersion(cell: string | undefined): string | null {
  const v = (cell ?? '').trim();
  if (!v || NOT_A_VERSION.test(v)) return null;
  return VERSION.test(v) ? v : null;
}

// ---- column tables ------------------------------------------------------------------------

interface Columns {
  /** Order of the numeric columns (version, size) as the header lists them. */
  numeric: Array<'version' | 'size'>;
}

function readColumns(lines: readonly BodyLine[], out: FileTableResult, used: Set<number>): void {
  for (let i = 0; i + 1 < lines.length; i++) {
    const head = lines[i]!.text;
    if (!/\bfile\s*name\b|\bfilename\b/i.test(head) || !/^\s*-{5,}[-\s]*$/.test(lines[i + 1]!.text)) continue;
    if (/^\s*\|/.test(head)) continue;
    const cols = headerColumns(head);
    let blanks = 0;
    let j = i + 2;
    for (; j < lines.length; j++) {
      const text = lines[j]!.text;
      if (text.trim() === '') {
        // Blank lines occur inside tables (between platforms, after the rule); two in a row end it.
        if (++blanks > 2) break;
        continue;
      }
      if (/^\s*-{5,}\s*$/.test(text)) continue;
      // A row has a date, a time or a number, or is a short name-and-platform row; a sentence
      // after the table that names a file ("posted ... as Iprftp4i.exe") is not one.
      const tokens = text.trim().split(/\s+/);
      const shaped =
        tokens.some((t) => DATE.test(t) || TIME.test(t) || /^[\d.,]+$/.test(t)) ||
        (tokens.length <= 4 && !/:\s*$/.test(text) && !tokens.some((t) => SENTENCE_WORD.test(t)));
      const row = shaped ? parseRow(text, cols) : null;
      if (!row) {
        if (looksLikeTableRow(text)) {
          out.warnings.push({
            line: lines[j]!.line,
            message: `file table row could not be read: "${collapse(text).slice(0, 80)}"`,
          });
          continue;
        }
        break;
      }
      blanks = 0;
      used.add(lines[j]!.line);
      out.files.push(row);
    }
    i = j - 1;
  }
}

function headerColumns(head: string): Columns {
  const v = head.search(/\bversion\b/i);
  const s = head.search(/\bsize\b/i);
  const numeric: Array<'version' | 'size'> = [];
  if (v >= 0 && s >= 0) numeric.push(...(v < s ? (['version', 'size'] as const) : (['size', 'version'] as const)));
  else if (v >= 0) numeric.push('version');
  else if (s >= 0) numeric.push('size');
  return { numeric };
}

/** Something with a date, a time or a size but no file name: a row this parser cannot read. */
function looksLikeTableRow(text: string): boolean {
  const tokens = text.trim().split(/\s+/);
  return tokens.length >= 3 && tokens.some((t) => DATE.test(t)) && tokens.some((t) => TIME.test(t) || SIZE.test(t));
}

/**
 * One table row: "09/21/01  15:01  4.0.1381.7097  699,664  Opengl32.dll  Intel". Cells are
 * classified by shape; the numbers (version, size) are assigned in the header's order, which
 * tells "185.760" (a size) from "4.02.0738" (a version).
 */
export function parseRow(text: string, cols: Columns | null): FileVersion | null {
  const tokens = text
    .trim()
    .split(/\s+/)
    .filter((t) => !/^(?:AM|PM|a\.m\.|p\.m\.)$/i.test(t));
  let name: string | null = null;
  const words: string[] = [];
  const numbers: string[] = [];
  for (const raw of tokens) {
    const t = raw.replace(/^[("']+|[)"',;]+$/g, '');
    if (!t) continue;
    if (DATE.test(t) || TIME.test(t)) continue;
    if (/^[\d.,]+$/.test(t)) {
      numbers.push(t);
      continue;
    }
    if (/^(?:KB|bytes?|MB|K)$/i.test(t)) continue;
    if (name === null && FILE_NAME.test(t) && /[A-Za-z]/.test(t.replace(/\.[^.]*$/, ''))) name = t;
    else if (/^[A-Za-z]/.test(t) && !PLATFORM.test(t)) words.push(t);
  }
  // A file without an extension ("Ntldr") counts only as the one word of a dated row under a header.
  if (
    !name &&
    cols &&
    words.length === 1 &&
    /^[A-Z][a-z0-9_]{2,11}$/.test(words[0]!) &&
    tokens.some((t) => DATE.test(t))
  )
    name = words[0]!;
  if (!name) return null;
  return { name, version: pickVersion(numbers, cols) };
}

function pickVersion(numbers: readonly string[], cols: Columns | null): string | null {
  const candidates = numbers.filter((n) => VERSION.test(n));
  if (!cols) {
    // No header (time stamps): only an unmistakable dotted version counts, never a size.
    return candidates.find((n) => /^\d+(?:\.\d+){2,}$/.test(n) && !SIZE.test(n)) ?? null;
  }
  const vi = cols.numeric.indexOf('version');
  if (vi < 0) return null;
  if (numbers.length === cols.numeric.length) {
    const v = numbers[vi]!;
    return VERSION.test(v) ? v : null;
  }
  // A cell is missing (an empty Version column, kb/320/Q320376): judge by shape.
  const v = numbers.find((n) => VERSION.test(n) && !(SIZE.test(n) && cols.numeric.includes('size')));
  return v ?? null;
}

// ---- one-line stamps ----------------------------------------------------------------------

function readStamps(lines: readonly BodyLine[], out: FileTableResult, used: Set<number>): void {
  for (let i = 0; i < lines.length; i++) {
    if (!/following (?:time ?stamps?|file attributes|file dates?|files?)\b.*:?\s*$/i.test(lines[i]!.text)) continue;
    let blanks = 0;
    for (let j = i + 1; j < Math.min(lines.length, i + 40); j++) {
      const l = lines[j]!;
      if (l.text.trim() === '') {
        if (++blanks > 1) break;
        continue;
      }
      if (/^(?:Component|Note|NOTE)\s*:/.test(l.text.trim()) || /^\s*[+|-]/.test(l.text)) continue;
      if (used.has(l.line)) break;
      if (!/^\s+\S/.test(l.text)) break;
      const row = parseRow(l.text, null);
      const tokens = l.text.trim().split(/\s+/);
      if (!row || !tokens.some((t) => DATE.test(t) || TIME.test(t) || /^[\d.,]+$/.test(t))) break;
      blanks = 0;
      used.add(l.line);
      out.files.push(row);
    }
  }
}

// ---- prose ----------------------------------------------------------------------------------

const EXT = '(?:exe|dll|sys|ocx|drv|vxd|com|cpl|tlb|olb|acm|386|flt|mdb|rll|cnv|dat|inf|ax|tsp|nlm|scr|ime)';
const PROSE_LATER = new RegExp(
  `\\b([A-Za-z][\\w-]*\\.${EXT})\\s*,?\\s*(?:version\\s+|build\\s+)?(\\d+(?:\\.\\d+){1,3})\\s*,?\\s*(?:or|and)\\s+(?:later|higher|newer|greater|above)\\b`,
  'gi',
);
const PROSE_OF = new RegExp(
  `\\bversion\\s+(\\d+(?:\\.\\d+){2,3})\\s+(?:or later\\s+)?of\\s+(?:the\\s+)?(?:file\\s+)?([A-Za-z][\\w-]*\\.${EXT})\\b`,
  'gi',
);
/** The sentence speaks of remedying something: only then is "X.dll 1.2 or later" a fixed file. */
const FIX_CONTEXT =
  /\b(?:fix(?:es|ed)?|hotfix(?:es)?|correct(?:s|ed|ion)?|resolve[sd]?|updated?|upgraded?|obtain|install(?:ed)?|download|replace[sd]?|service pack|problem|issue|bug)\b/i;
const REQUIRED_TO_FIX = /\brequired to (?:correct|fix|resolve)\b/i;
const FIX_WORDS = /\b(?:fix(?:es|ed)?|correct(?:s|ed)?|resolve[sd]?|updated?|install|later|newer)\b/i;

function readProse(lines: readonly BodyLine[], out: FileTableResult, used: Set<number>): void {
  const paragraphs: string[] = [];
  let cur: string[] = [];
  for (const l of lines) {
    if (l.text.trim() === '' || used.has(l.line)) {
      if (cur.length) paragraphs.push(cur.join(' '));
      cur = [];
    } else cur.push(l.text.trim());
  }
  if (cur.length) paragraphs.push(cur.join(' '));
  const hasFile = new RegExp(`\\.${EXT}\\b`, 'i');
  let leadIn = '';
  for (const p of paragraphs) {
    // "This issue is resolved by the following updated file for Windows 95:" above a row.
    const lead = leadIn;
    leadIn = /:\s*$/.test(p) ? p : '';
    if (!hasFile.test(p)) continue;
    for (const s of sentences(collapse(p))) {
      // "Setup requires Oleaut32.dll 2.20.4054 or later": a prerequisite, not the fixed file;
      // "External.exe version 3.2.13 or later is required to correct this problem" is the fix.
      const prerequisite = /\brequire[sd]?\b|\bprerequisite\b|\bmust (?:have|be|install)\b|\bunless\b/i.test(s);
      if (prerequisite && !REQUIRED_TO_FIX.test(s)) continue;
      // "Use MSCDEX.EXE version 2.20 or later with MS-DOS 5.0", a dependency list's "Msvcrt40.dll
      // 4.10.6038 or later": what to run with, not what fixes this article's problem.
      if (FIX_CONTEXT.test(s) || FIX_CONTEXT.test(lead))
        for (const m of s.matchAll(PROSE_LATER)) out.files.push({ name: m[1]!, version: m[2]! });
      if (!FIX_WORDS.test(s)) continue;
      for (const m of s.matchAll(PROSE_OF)) out.files.push({ name: m[2]!, version: m[1]! });
    }
  }
}

/** Same file once per distinct version; a version-less copy goes when a versioned one exists. */
function dedupe(files: readonly FileVersion[]): FileVersion[] {
  const seen = new Set<string>();
  const versioned = new Set(files.filter((f) => f.version).map((f) => f.name.toLowerCase()));
  const out: FileVersion[] = [];
  for (const f of files) {
    const lower = f.name.toLowerCase();
    if (!f.version && versioned.has(lower)) continue;
    const key = `${lower}\u0000${f.version ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}
