/**
 * The Jekyll front matter: the title (HTML-escaped by the converter) and the permalink.
 */

export interface FrontMatter {
  /** Decoded title, still with its "Q227142: " prefix. */
  rawTitle: string | null;
  permalink: string | null;
  /** 0-based index of the first line after the front matter (0 when there is none). */
  end: number;
}

const NAMED: Readonly<Record<string, string>> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", nbsp: ' ' };

/** Decodes the entities the converter wrote into titles (&quot; &amp; &#92; ...). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

/** The title without the "Q227142: " prefix the converter added. */
export function stripQPrefix(title: string): string {
  return title.replace(/^\s*Q\d{3,7}\s*:\s*/i, '').trim();
}

/** The Jekyll `{ {` escape of `{{` is undone along with the entities. */
function unquote(value: string): string {
  let v = value.trim();
  if (v.length >= 2 && ((v[0] === '"' && v.endsWith('"')) || (v[0] === "'" && v.endsWith("'")))) v = v.slice(1, -1);
  return decodeEntities(v.replace(/\\"/g, '"')).replace(/\{ \{/g, '{{').replace(/\} \}/g, '}}');
}

export function readFrontMatter(lines: readonly string[]): FrontMatter {
  if (lines[0]?.trim() !== '---') return { rawTitle: null, permalink: null, end: 0 };
  let rawTitle: string | null = null;
  let permalink: string | null = null;
  for (let i = 1; i < Math.min(lines.length, 30); i++) {
    const line = lines[i]!;
    if (line.trim() === '---') return { rawTitle, permalink, end: i + 1 };
    const m = /^(\w+):\s*(.*)$/.exec(line);
    if (!m) continue;
    if (m[1] === 'title') rawTitle = unquote(m[2]!);
    else if (m[1] === 'permalink') permalink = m[2]!.trim();
  }
  // An unclosed front matter: keep what was read, the body search starts from the top.
  return { rawTitle, permalink, end: 0 };
}
