import { describe, expect, it } from 'vitest';
import { MICROSOFT_PRODUCTS, namesMicrosoftProduct } from '../../../src/core/version/microsoft-products';
import { FAMILIES, OFFICE_PROGRAMS } from '../../../src/core/version/products';
import { SHORTHAND_PRODUCTS } from '../../../src/core/version/shorthand';

describe('namesMicrosoftProduct', () => {
  it.each([
    'Windows NT',
    'Windows',
    'SourceSafe',
    'Visual Basic',
    'SQL Server',
    'SQL',
    'Exchange',
    'SMS',
    'IIS',
    'MS-DOS',
    'Schedule',
    'Host Integration Server',
    'Systems Management Server',
    'Visual J',
    'Internet Explorer',
    'Windows NT Server Technical',
    'Exchange Technical',
    'IntelliMouse',
    'Natural Keyboard',
  ])('knows %s as Microsoft', (name) => expect(namesMicrosoftProduct(name)).toBe(true));

  it.each(['Sygate', 'Acme', 'Visual Numerics', 'Data General', 'Chili Pepper Software', 'Novell'])(
    'does not know %s',
    (name) => expect(namesMicrosoftProduct(name)).toBe(false),
  );

  // Another company's name that holds a product's word is not the product.
  it.each(['IBM PC DOS Technical', 'Novell DOS', 'Dell Windows NT', 'Office Depot', 'Word Perfect', 'Access Software'])(
    'does not take %s for a product it merely contains',
    (name) => expect(namesMicrosoftProduct(name)).toBe(false),
  );

  it("takes its names from the module's own tables", () => {
    for (const n of [...FAMILIES.map((f) => f.name), ...OFFICE_PROGRAMS.map((p) => p.name), ...SHORTHAND_PRODUCTS])
      expect(MICROSOFT_PRODUCTS).toContain(n);
  });
});
