import { describe, expect, it } from 'vitest';
import { findTicketVersions } from '../../../src/core/version';
import { OFFICE_PROGRAMS } from '../../../src/core/version/products';
import { suiteOf } from '../../../src/core/version/suites';
import { canonicalProduct, otherProductOf } from '../../../src/core/version/products';
import { parseProduct } from '../../../src/core/article/applies-to';

describe('the Office programs, one table for the ticket reader and the suite', () => {
  it('reads every program named by year, and counts only the suite programs as Office', () => {
    for (const p of OFFICE_PROGRAMS) {
      const found = findTicketVersions(`The user runs ${p.name} 2000 on every desk.`).products;
      const m = found.find((x) => x.family === `other:${p.name.toLowerCase()}`);
      expect(m, p.name).toBeDefined();
      expect(suiteOf(m!)?.family ?? null, p.name).toBe(p.inSuite ? 'suite:office' : null);
    }
  });

  it('reads a program named by year at the end of a sentence, but not a longer number', () => {
    const names = (t: string) => findTicketVersions(t).products.map((p) => p.name);
    expect(names('The clerk only has Excel 97.')).toContain('Excel 97');
    expect(names('Re the attached case: Word 2000. It crashes daily.')).toContain('Word 2000');
    expect(names('Windows 98, Word 97')).toContain('Word 97');
    expect(names('Windows 98, Word 97.')).toContain('Word 97');
    expect(names('page 12 of Word 97.5 notes')).not.toContain('Word 97');
    expect(names('see Excel 2000.xls on the share')).not.toContain('Excel 2000');
  });
});

describe('one rule for the platform after a product name', () => {
  it('is not part of the name, on the Version(s) line, in a fix sentence or in an applies-to item', () => {
    expect(otherProductOf('Word 97 for Windows 98')?.name).toBe(otherProductOf('Word 97')?.name);
    expect(otherProductOf('Excel 5.0 for the Macintosh')?.name).toBe(otherProductOf('Excel 5.0')?.name);
    expect(canonicalProduct('Access for Windows 95', '7.0').product).toBe(canonicalProduct('Access', '7.0').product);
    expect(parseProduct('Microsoft Excel 97 for Windows 98').versions).toEqual(['']);
    expect(parseProduct('Microsoft Word 98 for the Macintosh').versions).toEqual(['']);
  });
});
