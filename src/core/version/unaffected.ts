/**
 * The ticket runs a version the article says the problem does not occur in (ArticleRecord.unaffected):
 * "does not occur in Exchange Server 5.0", "... in later versions of Windows for Workgroups".
 */
import type { Absence, ArticleRecord } from '../article/types';
import { compareVersions } from './compare';
import { productOf, type ProductMention } from './products';

export interface AbsenceHit {
  mention: ProductMention;
  absence: Absence;
}

/**
 * The Windows line before Windows 95 and NT ("Windows 3.1", "Windows for Workgroups 3.11"): its
 * later versions are the later Windows of either line, and the families' ranks compare (3.11 < 3.5 < 4.0).
 */
const WINDOWS_3X = /^other:windows(?: for workgroups)?$/;
const WINDOWS_LINE = /^(?:windows|windows-9x|other:windows(?: for workgroups)?)$/;

function inRange(m: ProductMention, a: ProductMention, range: Absence['range']): boolean {
  const sameFamily = m.family === a.family;
  const c = compareVersions(m.rank, a.rank);
  if (range === 'at') return sameFamily && c === 0;
  if (range === 'later') return c > 0 && (sameFamily || (WINDOWS_3X.test(a.family) && WINDOWS_LINE.test(m.family)));
  return c < 0 && (sameFamily || (WINDOWS_3X.test(a.family) && WINDOWS_3X.test(m.family)));
}

/**
 * Two mentions of one product line: the same family, or two Windows (a Windows 95 client beside a
 * Windows NT 4.0 server are two machines, not one running on the other).
 */
function oneLine(a: string, b: string): boolean {
  return a === b || (WINDOWS_LINE.test(a) && WINDOWS_LINE.test(b));
}

/**
 * The first ticket version the article's absences cover, unless the ticket also names a version of
 * that line the article lists as affected (several machines: the affected one decides).
 */
export function absenceHit(
  record: ArticleRecord,
  mentions: readonly ProductMention[],
  listed: readonly ProductMention[],
): AbsenceHit | null {
  if (!record.unaffected?.length || mentions.length === 0) return null;
  for (const absence of record.unaffected) {
    const a = productOf(absence.product, absence.version);
    if (!a) continue;
    const hit = mentions.find((m) => inRange(m, a, absence.range));
    if (!hit) continue;
    const affected = mentions.some(
      (m) =>
        oneLine(m.family, hit.family) &&
        listed.some((l) => l.family === m.family && compareVersions(l.rank, m.rank) === 0),
    );
    if (!affected) return { mention: hit, absence };
  }
  return null;
}

/** "Exchange Server 5.0", "versions of Windows for Workgroups later than 3.1". */
export function absenceText(a: Absence): string {
  return a.range === 'at' ? `${a.product} ${a.version}` : `versions of ${a.product} ${a.range} than ${a.version}`;
}
