/**
 * Visual Studio's service packs are its tools' service packs: Visual Basic 6.0 SP4 is Visual
 * Studio 6.0 SP4, Visual C++ 5.0 SP3 is Visual Studio 97 SP3. Articles name either ("corrected in
 * Visual Studio 6.0 Service Pack 3" for a Visual FoxPro bug) and tickets too ("VB6 SP3"), so a
 * verdict compares both as the suite. Office's service releases likewise: Word 97 SR-2 is Office
 * 97 SR-2.
 */
import { LEVEL, normalLevel } from './levels';
import { OFFICE_PROGRAMS, type ProductMention } from './products';

const SUITE_FAMILY = 'suite:visual studio';
const OFFICE_FAMILY = 'suite:office';
const OFFICE_APP = new RegExp(
  `^other:(?:${OFFICE_PROGRAMS.filter((p) => p.inSuite)
    .map((p) => p.name.toLowerCase())
    .join('|')})(?: for windows)?$`,
);
// Every Office program, sold in the suite or alone (Project 98 SR-1), and Outlook: the products with service releases.
const SERVICE_RELEASE_FAMILY = new RegExp(
  `^(?:outlook|${OFFICE_FAMILY}|other:(?:${OFFICE_PROGRAMS.map((p) => p.name.toLowerCase()).join('|')})(?: for windows)?)$`,
);
const OFFICE_YEARS = new Set(['97', '2000', '2002', '2003']);
const OUTLOOK_IN_OFFICE: Readonly<Record<string, string>> = {
  '2000': '2000',
  '2002': '2002',
  xp: '2002',
  '2003': '2003',
};
const TOOL =
  /^other:visual (?:basic|c\+\+|foxpro|interdev|j\+\+|sourcesafe)(?: (?:learning|professional|enterprise)(?: edition)?)?(?: for windows)?$/;

/** The Visual Studio release a tool's version shipped in: 5.0 -> 97, 6.0 -> 6.0. */
function suiteVersion(family: string, version: string): { version: string; rank: string } | null {
  const v = version.toLowerCase();
  if (family === 'other:visual studio') {
    if (v === '97') return { version: '97', rank: '5.0' };
    if (v === '6.0' || v === '6') return { version: '6.0', rank: '6.0' };
    return null;
  }
  if (!TOOL.test(family)) return null;
  // A maintenance letter stays in its release: Visual FoxPro 5.0a shipped with Visual Studio 97.
  if (/^5(?:\.0[a-z]?)?$/.test(v)) return { version: '97', rank: '5.0' };
  if (/^6(?:\.0[a-z]?)?$/.test(v)) return { version: '6.0', rank: '6.0' };
  return null;
}

/** The mention as its suite release (Office year or Visual Studio release), or null when it is not a program of one. */
export function suiteOf(m: ProductMention): ProductMention | null {
  // Outlook 2000 and later shipped in Office: Outlook 2000 SR-1 is Office 2000 SR-1 (97 and 98 were also sold alone).
  if (m.family === 'outlook' && OUTLOOK_IN_OFFICE[m.version]) {
    const year = OUTLOOK_IN_OFFICE[m.version]!;
    return {
      ...m,
      family: OFFICE_FAMILY,
      name: `${m.name} (Office ${year})`,
      version: year,
      rank: year,
      program: m.family,
    };
  }
  if (OFFICE_APP.test(m.family) && OFFICE_YEARS.has(m.version)) {
    if (m.family === 'other:office') return { ...m, family: OFFICE_FAMILY, name: `Office ${m.version}` };
    return { ...m, family: OFFICE_FAMILY, name: `${m.name} (Office ${m.version})`, program: m.family };
  }
  const s = suiteVersion(m.family, m.version);
  if (!s) return null;
  if (m.family === 'other:visual studio')
    return { ...m, family: SUITE_FAMILY, name: `Visual Studio ${s.version}`, version: s.version, rank: s.rank };
  const name = `${m.name} (Visual Studio ${s.version})`;
  return { ...m, family: SUITE_FAMILY, name, version: s.version, rank: s.rank, program: m.family };
}

/**
 * Whether the product numbers its updates as service releases ("Office 2000 SR-1a", "Word 97
 * SR-2"). Only Office's programs do; after another product "SR" is a support request's number.
 */
export function takesServiceReleases(m: ProductMention): boolean {
  return SERVICE_RELEASE_FAMILY.test(m.family);
}

/** The mentions, each program of an Office or Visual Studio release also as that release. */
export function withSuites(mentions: readonly ProductMention[]): ProductMention[] {
  const out = [...mentions];
  for (const m of mentions) {
    const s = suiteOf(m);
    if (s) out.push(s);
  }
  return out;
}

const W = '[\\s\\u00a0]';
// The suite named without its version, with the level: "with Visual Studio SP2", "no Visual Studio
// service pack", "Office SR-2 installed".
const SUITE_LEVEL_RE = new RegExp(
  `(?<![\\w])(?:(no|without(?:${W}{1,3}(?:a|any))?)${W}{1,3})?(?:the${W}{1,3})?(visual${W}{1,3}studio|office)${W}{1,3}(?:${LEVEL}|(service${W}{1,3}(?:packs?|releases?)|sps?|srs?)(?![\\w]))`,
  'gi',
);
const SENTENCE_END = /[.!?](?=[\s\u00a0]|$)|[;\n]/;

/**
 * The level a ticket gives a suite's program by the suite's unversioned name in the same sentence:
 * "VC++ 6.0 with Visual Studio SP2" is at SP2, "VFP 6.0 on NT 4.0, no Visual Studio service pack"
 * at the release itself; `at` is where the suite's words start. Null when the sentence says none.
 */
export function suiteLevelNear(text: string, m: ProductMention): { level: string; at: number } | null {
  const suite = suiteOf(m);
  if (!suite) return null;
  const word = suite.family === OFFICE_FAMILY ? 'office' : 'visual studio';
  const from = Math.max(0, m.start - 80);
  const window = text.slice(from, Math.min(text.length, m.end + 80));
  SUITE_LEVEL_RE.lastIndex = 0;
  let found: RegExpExecArray | null;
  let seen = 0;
  while ((found = SUITE_LEVEL_RE.exec(window)) && seen++ < 20) {
    if (found[2]!.toLowerCase().replace(/[\s\u00a0]+/g, ' ') !== word) continue;
    const at = from + found.index;
    const between = at < m.start ? text.slice(at + found[0].length, m.start) : text.slice(m.end, at);
    if (SENTENCE_END.test(between)) continue;
    if (found[3]) return found[1] ? null : { level: normalLevel(found[3]), at };
    if (found[1] && found[4]) return { level: '0', at };
  }
  return null;
}
