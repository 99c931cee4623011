/**
 * Turns an article file into numbered body lines: the lines between `{% raw %}` and
 * `{% endraw %}`, each without the one TAB the converter put in front of it.
 */

export interface BodyLine {
  /** The line without its one leading TAB; `<A0>` already mapped to a space. */
  text: string;
  /** 1-based line number in the file. */
  line: number;
}

/** Splits a file into lines, tolerating CRLF and lone CR (the archive has none; imports may). */
export function fileLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

/**
 * The converter wrote a no-break space as the literal text "<A0>"; it also glues sentences
 * ("article.<A0>This problem ..."), so it becomes a plain space. Other `<XX>` escapes stay: they
 * are unknown characters, and `<20>` after a NetBIOS name is genuine text.
 */
export function mapEscapes(line: string): string {
  return line.replace(/<A0>/g, ' ').replace(/\u00a0/g, ' ');
}

/** Strips exactly one leading TAB; leftover indentation is meaningful (quotes, bullets). */
export function stripTab(line: string): string {
  return line.startsWith('\t') ? line.slice(1) : line;
}

const RAW = /^\s*\{%\s*raw\s*%\}\s*$/;
const END_RAW = /^\s*\{%\s*endraw\s*%\}\s*$/;

/**
 * Body lines from `lines[start]` (0-based) on. When the file has a `{% raw %}` line the body
 * starts after it; it always stops at `{% endraw %}`. Files without the markers (hand-made
 * imports) are read to the end.
 */
export function bodyLines(lines: readonly string[], start: number): BodyLine[] {
  let from = start;
  for (let i = start; i < Math.min(lines.length, start + 40); i++) {
    if (RAW.test(lines[i]!)) {
      from = i + 1;
      break;
    }
  }
  const out: BodyLine[] = [];
  for (let i = from; i < lines.length; i++) {
    const raw = lines[i]!;
    if (END_RAW.test(raw)) break;
    out.push({ text: mapEscapes(stripTab(raw)).replace(/\s+$/, ''), line: i + 1 });
  }
  return out;
}
