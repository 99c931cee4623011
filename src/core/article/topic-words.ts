/**
 * What an article is about, as counted words: the words of the sections that describe the
 * problem (SYMPTOMS, CAUSE, RESOLUTION, WORKAROUND, MORE INFORMATION, SUMMARY), for the
 * article's distinctive terms (`ArticleRecord.terms`). The parser counts; the index builder,
 * which sees the whole archive, weighs the counts by how rare each word is (index/topic-terms.ts).
 * An article parsed on its own (a team's import) keeps the most frequent words.
 */
import { normalizeText } from '../search/tokenize';
import type { Section, SectionName } from './sections';

/** word -> weighted count in the article. */
export type TopicCounts = Map<string, number>;

/** At most this many terms per article: enough to tell articles that quote one message apart. */
export const MAX_TERMS = 8;

/** The sections that say what goes wrong and why count double: they are what a ticket describes. */
const SECTION_WEIGHT: Partial<Record<SectionName, number>> = {
  SYMPTOMS: 2,
  CAUSE: 2,
  SUMMARY: 1,
  RESOLUTION: 1,
  WORKAROUND: 1,
  // Long, and full of traces, listings and example names: it counts, but less.
  'MORE INFORMATION': 0.5,
};

/**
 * Letters and digits, with dotted file names ("store.exe", "mapi32.dll") kept whole, also at the
 * end of a sentence ("... in Mapi32.dll."); a further dotted part ("v1.2.3", "example.com.au") is
 * no file name. The ticket's words are cut the same way (match/context.ts).
 */
export const TOPIC_WORD = /(?<![a-z0-9])[a-z][a-z0-9]*(?:\.[a-z]{2,4}\b(?!\d|\.[a-z0-9]))?/g;
/** Hex codes and hex-looking runs ("c05a6", "8004011d") are codes, which the matcher handles. */
export const HEXLIKE = /^(?=.*\d)[a-f0-9]+$/;

/**
 * Words so common in English (and in these articles' own boilerplate) that no rarity weighting
 * should need to learn them; a word the index builder finds in many articles is dropped there too.
 */
export const TOPIC_STOPWORDS: ReadonlySet<string> = new Set(
  (
    'about above after again against all also although among and another any are aren around because been before being below ' +
    'between both but can cannot could did does doing done down during each either else enough even ever every few for from ' +
    'further get gets getting given had has have having her here hers him his how however into its itself just least less let ' +
    'like made make makes many may might more most much must neither never nor not now off once one only onto other others ' +
    'otherwise our out over own per rather same see seen several shall she should since some such than that the their them ' +
    'then there these they this those though through thus too under until upon use used uses using very was way well were ' +
    'what when whenever where whether which while who whom whose why will with within without would yet you your yours ' +
    'able following follows information article articles problem problems occur occurs occurred cause causes resolution ' +
    'symptoms workaround status microsoft product products version versions type click select note example step steps ' +
    'method methods want need needs new also following describes described contains contain include includes included ' +
    'obtain available contact support services knowledge base query word words additional'
  ).split(/\s+/),
);

/**
 * The text before the first heading is the applies-to list where an article has sections; an old
 * article with none (about one in fourteen) says everything there, and counts as a SUMMARY does.
 */
const PREAMBLE_ONLY_WEIGHT = 1;

function sectionWeight(s: Section, sections: readonly Section[]): number | undefined {
  if (s.name === 'PREAMBLE') return sections.length === 1 ? PREAMBLE_ONLY_WEIGHT : undefined;
  return SECTION_WEIGHT[s.name];
}

const RULE = /^\s*-{10,}\s*$/;

/**
 * A section's lines, without the applies-to list an old article's text may start with (between
 * two dashed rules): it names the products, which the record has, and no problem.
 */
function textLines(s: Section): readonly Section['lines'][number][] {
  if (s.name !== 'PREAMBLE') return s.lines;
  const first = s.lines.findIndex((l) => RULE.test(l.text));
  if (first < 0 || first > 3) return s.lines;
  const second = s.lines.findIndex((l, i) => i > first && RULE.test(l.text));
  return second < 0 ? s.lines : s.lines.slice(second + 1);
}

export function countTopicWords(sections: readonly Section[]): TopicCounts {
  const counts: TopicCounts = new Map();
  for (const s of sections) {
    const weight = sectionWeight(s, sections);
    if (!weight) continue;
    for (const line of textLines(s)) {
      for (const m of normalizeText(line.text).matchAll(TOPIC_WORD)) {
        const w = m[0];
        if (w.length < 3 || w.length > 30 || TOPIC_STOPWORDS.has(w) || HEXLIKE.test(w)) continue;
        const key = singular(w);
        counts.set(key, (counts.get(key) ?? 0) + weight);
      }
    }
  }
  return counts;
}

/**
 * Words of an article's lead kept for search: about its first three sentences' worth. Sixteen (two
 * sentences) missed the detail an article gives third ("...with a space in the computer name");
 * 32 also took in the general words of longer leads, which lifted articles that merely mention
 * a query's words over those about them (measured on the labelled and blind query sets).
 */
export const LEAD_WORDS = 24;

/**
 * The article's lead: the first words of SYMPTOMS, or of SUMMARY where it has none (or of an old
 * article's only text, before any heading), in order,
 * each once (as countTopicWords counts them). It is where an article states the problem in the
 * words a ticket uses ("connecting to a computer with a space in its name gives a syntax error"),
 * and a word said once there is missed by the counts, which favour what the article repeats.
 */
export function leadWords(sections: readonly Section[], max = LEAD_WORDS): string[] {
  const lead =
    sections.find((s) => s.name === 'SYMPTOMS') ??
    sections.find((s) => s.name === 'SUMMARY') ??
    (sections.length === 1 && sections[0]!.name === 'PREAMBLE' ? sections[0] : undefined);
  const out: string[] = [];
  if (!lead) return out;
  for (const line of textLines(lead)) {
    for (const m of normalizeText(line.text).matchAll(TOPIC_WORD)) {
      const w = m[0];
      if (w.length < 3 || w.length > 30 || TOPIC_STOPWORDS.has(w) || HEXLIKE.test(w)) continue;
      const key = singular(w);
      if (!out.includes(key)) out.push(key);
      if (out.length === max) return out;
    }
  }
  return out;
}

/**
 * "attachments" and "attachment" are one term: a plain plural "s" is dropped (not "ss", "us",
 * "is", file names or short words), so an article's few terms are not spent on both forms.
 */
export function singular(w: string): string {
  return w.length > 4 && w.endsWith('s') && !/(?:ss|us|is|\.[a-z]+)$/.test(w) ? w.slice(0, -1) : w;
}

/** The most frequent words, ties by first appearance: an article's terms without the archive's rarity weights. */
export function frequentWords(counts: TopicCounts, max = MAX_TERMS): string[] {
  return [...counts]
    .map(([w, n], i) => ({ w, n, i }))
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .slice(0, max)
    .map((x) => x.w);
}
