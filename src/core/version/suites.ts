/**
 * Visual Studio's service packs are its tools' service packs: Visual Basic 6.0 SP4 is Visual
 * Studio 6.0 SP4, Visual C++ 5.0 SP3 is Visual Studio 97 SP3. Articles name either ("corrected in
 * Visual Studio 6.0 Service Pack 3" for a Visual FoxPro bug) and tickets too ("VB6 SP3"), so a
 * verdict compares both as the suite. Office's service releases likewise: Word 97 SR-2 is Office
 * 97 SR-2.
 */
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
