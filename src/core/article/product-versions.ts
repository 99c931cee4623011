/**
 * Products with a version list as prose names them: "QuickBASIC Versions 4.00, 4.00b, or 4.50",
 * "Microsoft BASIC PDS Version 7.00", "Exchange Server 4.0 or 5.0", "Visual C++ 4.0 or later".
 */
import { canonicalProduct } from '../version/products';
import { withoutMicrosoft } from './text';

export interface ProductVersion {
  /** Canonical name, without "Microsoft": "QuickBASIC", "Exchange Server". */
  product: string;
  version: string;
  /** "... or later" after the list. */
  andLater: boolean;
}

// Dotted or a year: a bare number ("SCREENs 1, 2, 7") is seldom a product's version.
const VERSION = String.raw`(?:\d{1,2}\.\d{1,3}[a-z]?|95|97|98|2000|2002|2003)`;
/** A product name (capitalised words, "for"/"of" joining them) and its versions: "QuickBASIC Versions 4.00, 4.00b, or 4.50". */
const PRODUCT_VERSIONS = new RegExp(
  String.raw`((?:[A-Z][\w+#&/'.-]*\s+(?:(?:for|of)\s+(?:the\s+)?)?){1,6}?)(?:[Vv]ersions?\s+)?(` +
    VERSION +
    String.raw`(?:\s*(?:,|,?\s*or|,?\s*and)\s*(?:[Vv]ersions?\s+)?` +
    VERSION +
    String.raw`)*)(?![\w]|\.\w)(\s+(?:or|and)\s+(?:later|above|newer|higher))?`,
  'g',
);
/** Words that are not part of a product's name when they open the capitalised run. */
const LEAD = /^(?:(?:The|This|In|On|With|Version|Versions|Microsoft|Either|Both|Also|Only|Even|All)\s+)+/;
const NOT_A_PRODUCT = /^(?:Version|Versions|Release|Service Pack|SP|Build|Step|Note|Method|Table|Figure|Chapter)$/i;

/** Every product-and-versions run in `text`, in order. */
export function productVersionsIn(text: string): ProductVersion[] {
  const out: ProductVersion[] = [];
  PRODUCT_VERSIONS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PRODUCT_VERSIONS.exec(text))) {
    const name = withoutMicrosoft(m[1]!.trim().replace(LEAD, ''))
      .replace(/\s+(?:for|of)(?:\s+the)?$/i, '')
      .replace(/,?\s+versions?$/i, '');
    if (!name || NOT_A_PRODUCT.test(name) || !/^[A-Z]/.test(name)) continue;
    const versions = m[2]!
      .split(/\s*(?:,|\bor\b|\band\b)\s*/)
      .map((v) => v.replace(/^versions?\s+/i, '').trim())
      .filter((v) => v);
    for (const raw of versions) {
      const whole = canonicalProduct(name, raw);
      if (whole.version) out.push({ product: whole.product, version: whole.version, andLater: Boolean(m[3]) });
    }
  }
  return out;
}
