/**
 * Whether a name is one of Microsoft's products ("Windows NT", "SourceSafe", "SMS"): what tells
 * "Contact Windows NT Technical Support" (Microsoft's desk) from "Contact Sygate Technical Support"
 * (another company's, for its own update). The names are the ones this module's tables already
 * own (the families, the Office programs, the shorthand products, the canonical and dotted names),
 * plus the archive's other product lines that no table names.
 */
import { CANONICAL_NAMES, DOTTED_PRODUCTS, FAMILIES, OFFICE_PROGRAMS, canonicalProduct } from './products';
import { SHORTHAND_PRODUCTS } from './shorthand';

/** The archive's product lines no table of this module names (they have no versions it compares). */
const OTHER_LINES: readonly string[] = [
  'MS-DOS',
  'DOS',
  'LAN Manager',
  'Mail',
  'Schedule+',
  'BackOffice',
  'NetMeeting',
  'Works',
  'Money',
  'BizTalk Server',
  'Commerce Server',
  'Encarta',
  'Dynamics',
  'QuickBasic',
  'QuickC',
  'FoxPro',
  'SourceSafe',
];

/** Lower-case words only: "Schedule+" is "schedule", "MS-DOS" is "ms dos", "Visual C++" is "visual c". */
const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export const MICROSOFT_PRODUCTS: readonly string[] = [
  ...new Set([
    ...FAMILIES.map((f) => f.name),
    'Windows NT',
    ...OFFICE_PROGRAMS.map((p) => p.name),
    ...SHORTHAND_PRODUCTS,
    ...CANONICAL_NAMES,
    ...DOTTED_PRODUCTS,
    ...OTHER_LINES,
  ]),
];

const NAMES = MICROSOFT_PRODUCTS.map((n) => ` ${words(n)} `);

/**
 * `name` (a few capitalised words) names a Microsoft product: it holds one's whole name ("Windows NT
 * Server", "SourceSafe") or is the start of one ("SQL" of SQL Server, "Visual" of Visual Basic), as
 * written or as canonicalProduct spells it ("SMS", "IIS"). "Visual Numerics" is neither.
 */
export function namesMicrosoftProduct(name: string): boolean {
  for (const form of [name, canonicalProduct(name, '').product]) {
    const w = ` ${words(form)} `;
    if (w.trim() && NAMES.some((n) => w.includes(n) || n.startsWith(w))) return true;
  }
  return false;
}
