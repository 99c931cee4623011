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
  'Help Workshop',
  'Metadirectory Services',
  'MMS',
  'DirectX',
  'Macro Assembler',
  'Interix',
  'Media Player',
  'NetShow',
  'Transaction Server',
  'Index Server',
  'Small Business Server',
  'Personal Web Server',
  // Its hardware lines, whose support desks are Microsoft's.
  'IntelliMouse',
  'IntelliPoint',
  'Natural Keyboard',
  'SideWinder',
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

/** A desk's or an edition's words after a product's name: "Windows NT Server Technical Support". */
const DESK_TAIL = new Set(
  'technical product products customer support services service team group desk center server client workstation nt edition version'.split(
    ' ',
  ),
);

/**
 * `name` (a few capitalised words) names a Microsoft product: less a desk's or an edition's words at
 * its end, it is one's whole name ("Windows NT Server Technical", "SourceSafe") or the start of one
 * ("SQL" of SQL Server, "Visual" of Visual Basic), as written or as canonicalProduct spells it
 * ("SMS", "IIS"). A name that merely holds a product's word is another's: "Visual Numerics", "Novell
 * DOS", "Dell Windows NT", "Office Depot".
 */
export function namesMicrosoftProduct(name: string): boolean {
  for (const form of [name, canonicalProduct(name, '').product]) {
    const ws = words(form).split(' ').filter(Boolean);
    while (ws.length > 1 && (DESK_TAIL.has(ws[ws.length - 1]!) || /^\d+$/.test(ws[ws.length - 1]!))) ws.pop();
    const w = ` ${ws.join(' ')} `;
    if (ws.length && NAMES.some((n) => w === n || n.startsWith(w))) return true;
  }
  return false;
}
