/**
 * Windows versions a ticket gives only by build, as winver and the command prompt print them:
 * "Version 4.0 (Build 1381: Service Pack 4)" pasted without its "Microsoft (R) Windows NT" line,
 * "Microsoft Windows 2000 [Version 5.00.2195]", "build 2195". Each build number below is one
 * Windows release and stays the same through its service packs (a service pack is only known
 * where the dialog states it), so the build names the version, never the level.
 */
import { LEVEL } from './levels';
import { findProductMentions, type ProductMention } from './products';

/** Build -> the version as the product table writes it, and its major.minor. */
const BUILDS: Readonly<Record<string, { version: string; dotted: string }>> = {
  '807': { version: '3.5', dotted: '3.5' },
  '1057': { version: '3.51', dotted: '3.51' },
  '1381': { version: '4.0', dotted: '4.0' },
  '2195': { version: '2000', dotted: '5.0' },
  '2600': { version: 'XP', dotted: '5.1' },
  '3790': { version: '2003', dotted: '5.2' },
};

const WS = '[\\s\\u00a0]';
// "Version 4.0 (Build 1381: Service Pack 4)": the dialog's version must agree with the build. XP's
// names its branch after the build: "Version 5.1 (Build 2600.xpsp_sp2_gdr.050301-1519 : Service Pack 2)",
// taken whole at once (a lookahead and its backreference), so a line without the closing
// parenthesis is not retried at every shorter branch name.
const DIALOG_RE = new RegExp(
  `(?<![\\w.])(?:version${WS}{1,3})?(\\d\\.\\d{1,2})${WS}{0,3}\\(${WS}{0,3}build${WS}{0,3}[:#]?${WS}{0,3}(\\d{3,4})(?![\\d])(?:\\.\\d{1,5}|\\.[a-z](?=([\\w.-]{0,40}))\\3)?` +
    `(?:${WS}{0,3}[:;,]${WS}{0,3}${LEVEL})?${WS}{0,3}\\)`,
  'gi',
);
// "[Version 5.00.2195]", "Version 5.1.2600": major.minor.build.
const DOTTED_RE = /(?<![\w.])(?:\[[\s\u00a0]{0,3})?version[\s\u00a0]{1,3}(\d)\.(\d{1,2})\.(\d{3,4})(?![\d.])/gi;
// "build 2195", "Build 1381": only the four-digit builds, which nothing else of the era shares.
// XP's winver writes its branch after the build ("Build 2600.xpsp_sp2_gdr"); a further number
// ("2600.1106") is a file's version, not the system's.
const BARE_BUILDS: readonly string[] = ['1381', '2195', '2600', '3790'];
const BUILD_RE = new RegExp(`(?<![\\w.])build${WS}{0,3}[:#]?${WS}{0,3}(${BARE_BUILDS.join('|')})(?!\\d|\\.\\d)`, 'gi');

const SCANNED = 200;

const sameDotted = (a: string, b: string) =>
  Number(a.split('.')[0]) === Number(b.split('.')[0]) && Number(a.split('.')[1]) === Number(b.split('.')[1]);

/** Whether a bare "build N" is one of the Windows builds BUILD_RE reads (nothing else of the era shares them). */
export function isWindowsBuildNumber(build: string): boolean {
  return BARE_BUILDS.includes(build);
}

/**
 * The Windows releases the ticket's builds name, with the service pack a dialog states (else null).
 * `bare`: also the bare form "build 2195", which a caller that knows other products' builds may
 * rather weigh itself (build-matches.ts).
 */
export function findWindowsBuilds(text: string, limit = 50, bare = true): ProductMention[] {
  const out: ProductMention[] = [];
  // A dialog or banner whose version is another product's spends its span: its build is not Windows's.
  const spent: { start: number; end: number }[] = [];
  const add = (build: string, dotted: string | null, sp: string | null, start: number, end: number) => {
    if ([...out, ...spent].some((o) => o.start < end && start < o.end)) return;
    const w = BUILDS[build];
    if (!w || (dotted !== null && !sameDotted(dotted, w.dotted))) {
      if (dotted !== null) spent.push({ start, end });
      return;
    }
    const p = findProductMentions(`Windows ${w.version}`, 1)[0];
    if (p) out.push({ ...p, sp: sp?.toLowerCase() ?? null, build, start, end });
  };
  // Each match is checked against every one kept or spent before it: a bounded number of matches
  // per form keeps a megabyte ticket of other products' dialogs linear.
  let m: RegExpExecArray | null;
  let seen = 0;
  DIALOG_RE.lastIndex = 0;
  while ((m = DIALOG_RE.exec(text)) && out.length < limit && seen++ < SCANNED)
    // Groups: 1 the dialog's version, 2 its build, 3 XP's branch name (taken whole), 4 the level.
    add(m[2]!, m[1]!, m[4] ?? null, m.index, m.index + m[0].length);
  seen = 0;
  DOTTED_RE.lastIndex = 0;
  while ((m = DOTTED_RE.exec(text)) && out.length < limit && seen++ < SCANNED)
    add(m[3]!, `${m[1]}.${m[2]}`, null, m.index, m.index + m[0].length);
  if (!bare) return out;
  seen = 0;
  BUILD_RE.lastIndex = 0;
  while ((m = BUILD_RE.exec(text)) && out.length < limit && seen++ < SCANNED)
    add(m[1]!, null, null, m.index, m.index + m[0].length);
  return out;
}
