/**
 * The article's sections. Only known ALL-CAPS names underlined with "=" count as headings: the
 * last body line sits directly on the trailer's rule when "Additional query words:" is missing,
 * and embedded readmes bring their own "=====" lines. Within a section, a short line underlined
 * with "-" starts a sub-block, usually one per product or version, each with its own fix.
 */
import type { BodyLine } from './body-lines';

export const SECTION_NAMES = [
  'SUMMARY',
  'SYMPTOMS',
  'CAUSE',
  'RESOLUTION',
  'STATUS',
  'WORKAROUND',
  'MORE INFORMATION',
  'REFERENCES',
] as const;
export type SectionName = (typeof SECTION_NAMES)[number] | 'PREAMBLE';

export interface SubBlock {
  /** The dashed sub-heading ("Exchange Server 5.5"), or "" for the text before the first one. */
  heading: string;
  lines: BodyLine[];
}

export interface Section {
  name: SectionName;
  /** Lines after the heading's underline, up to the next heading. */
  lines: BodyLine[];
  blocks: SubBlock[];
}

const KNOWN = new Set<string>(SECTION_NAMES);

export function splitSections(lines: readonly BodyLine[], from: number, to: number): Section[] {
  const sections: Section[] = [];
  let current: Section = { name: 'PREAMBLE', lines: [], blocks: [] };
  for (let i = from; i < to; i++) {
    const text = lines[i]!.text.trim();
    const next = lines[i + 1]?.text.trim() ?? '';
    if (i + 1 < to && KNOWN.has(text.toUpperCase()) && text === text.toUpperCase() && /^={3,}$/.test(next)) {
      sections.push(current);
      current = { name: text as SectionName, lines: [], blocks: [] };
      i++;
      continue;
    }
    current.lines.push(lines[i]!);
  }
  sections.push(current);
  for (const s of sections) s.blocks = subBlocks(s.lines);
  return sections.filter((s) => s.name !== 'PREAMBLE' || s.lines.length > 0);
}

/**
 * Splits a section at dashed sub-headings. A column table's header sits on a dashed rule too, so
 * a heading must be short prose: no column gaps, not a bullet, and the rule about as long as it.
 */
export function subBlocks(lines: readonly BodyLine[]): SubBlock[] {
  const blocks: SubBlock[] = [{ heading: '', lines: [] }];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    const next = lines[i + 1]?.text ?? '';
    if (isSubHeading(text, next)) {
      blocks.push({ heading: text.trim(), lines: [] });
      i++;
      continue;
    }
    blocks[blocks.length - 1]!.lines.push(lines[i]!);
  }
  return blocks.filter((b, i) => i > 0 || b.lines.some((l) => l.text.trim() !== ''));
}

function isSubHeading(text: string, next: string): boolean {
  const t = text.trim();
  const rule = next.trim();
  if (!t || t.length > 70 || !/^-{3,}$/.test(rule)) return false;
  if (/^\s/.test(text) || /^- /.test(t) || /\S {3,}\S|\t/.test(t)) return false;
  if (/\b(?:file ?name|version|size|date)\b.*\b(?:file ?name|version|size|date|time|platform)\b/i.test(t)) return false;
  return rule.length >= Math.floor(t.length * 0.5) && rule.length <= t.length + 6;
}

/** All lines of the named sections, in article order. */
export function linesOf(sections: readonly Section[], ...names: SectionName[]): BodyLine[] {
  return sections.filter((s) => names.includes(s.name)).flatMap((s) => s.lines);
}
