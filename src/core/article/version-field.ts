/**
 * The archive's own Version value ("winnt:5.5", ":4.0,5.0,5.5", "WINDOWS:97; winnt:4.0",
 * "MS-DOS:3.2; WINDOWS:3.0,3.2", "3.00 4.00 5.00 | 5.10") read into normalised version strings.
 * Only used when the article has no applies-to block: the field's product comes from the
 * article's category, which is less precise than the block.
 */
import { versionList } from './applies-to';
import { uniqueNoCase } from './text';

/**
 * Category display name -> product name used in normalised versions. A function of the OS prefix
 * where the category covers several products. Categories that are not one product (Home Games,
 * Microsoft Press, "See article" ...) map to nothing: their version numbers belong to products
 * the field does not name, and "Home Games 1.0" would be a made-up fact.
 */
const CATEGORY: ReadonlyArray<[RegExp, (os: string) => string | null]> = [
  [/^Microsoft Exchange$/i, () => 'Exchange'],
  [
    /^Microsoft Windows NT$/i,
    (os) => (/^win(?:dows)?\s*nt|^nt$/i.test(os) || os === '' ? 'Windows NT' : osProduct(os)),
  ],
  [/^Microsoft Windows 95\.x/i, () => 'Windows'],
  [/^Microsoft Windows 3\.x/i, () => 'Windows'],
  [/^Microsoft FoxPro$/i, () => 'FoxPro'],
  [/^Microsoft Visual Basic/i, () => 'Visual Basic'],
  [/^Microsoft Systems Management Server$/i, () => 'Systems Management Server'],
  [/^Microsoft C Compiler$/i, (os) => (/dos|os\/2/i.test(os) ? 'C Compiler' : 'Visual C++')],
  [/^Microsoft Mail For PC Networks$/i, () => 'Mail for PC Networks'],
  [/^Microsoft Mail For Appletalk Networks$/i, () => 'Mail for AppleTalk Networks'],
  [/^Microsoft SNA Server$/i, () => 'SNA Server'],
  [/^Word 97 for Windows$/i, () => 'Word'],
  [/^Microsoft Disk Operating System$/i, () => 'MS-DOS'],
  [/^Internet Information Server$/i, () => 'Internet Information Server'],
  [/^Microsoft Windows Software Development Kit$/i, () => 'Windows SDK'],
  [/^Microsoft SourceSafe$/i, () => 'Visual SourceSafe'],
  [/^Microsoft PowerPoint/i, () => 'PowerPoint'],
  [/^Microsoft Schedule\+/i, () => 'Schedule+'],
  [/^Microsoft LAN Manager$/i, () => 'LAN Manager'],
  [/^Microsoft Macro Assembler$/i, () => 'Macro Assembler'],
  [/^Open Database Connectivity/i, () => 'ODBC'],
  [/^Microsoft Fortran Compiler$/i, () => 'FORTRAN'],
  [/^Microsoft Access Distribution Kit$/i, () => 'Access Distribution Kit'],
  [/^Microsoft Windows Device Driver Kit$/i, () => 'Windows DDK'],
  [/^Windows for Workgroups and Windows NT Networking/i, (os) => osProduct(os)],
];

/** An OS prefix that is itself a product ("winnt:4.0" is Windows NT 4.0). */
function osProduct(os: string): string | null {
  if (/^win(?:dows)?\s*nt|^nt$/i.test(os)) return 'Windows NT';
  if (/^win(?:dows)?\s*2000$/i.test(os)) return 'Windows';
  if (/^win95$/i.test(os)) return 'Windows';
  return null;
}

export function versionsFromField(value: string | null, category: string | null): string[] {
  if (!value || !category) return [];
  const rule = CATEGORY.find(([re]) => re.test(category.trim()));
  if (!rule) return [];
  const out: string[] = [];
  for (const group of value.split(';')) {
    const m = /^\s*([^:]*):(.*)$/.exec(group);
    const os = m ? m[1]!.trim() : '';
    const list = m ? m[2]! : group;
    const product = rule[1](os);
    if (!product) continue;
    for (const v of versionList(list)) {
      // "Windows 95" / "Windows 2000" read naturally; "Windows NT 4.0" too.
      out.push(`${product} ${v}`);
    }
  }
  return uniqueNoCase(out);
}
