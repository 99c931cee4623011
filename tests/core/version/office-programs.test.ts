import { describe, expect, it } from 'vitest';
import { findTicketVersions } from '../../../src/core/version';
import { OFFICE_PROGRAMS } from '../../../src/core/version/products';
import { suiteOf } from '../../../src/core/version/suites';

describe('the Office programs, one table for the ticket reader and the suite', () => {
  it('reads every program named by year, and counts only the suite programs as Office', () => {
    for (const p of OFFICE_PROGRAMS) {
      const found = findTicketVersions(`The user runs ${p.name} 2000 on every desk.`).products;
      const m = found.find((x) => x.family === `other:${p.name.toLowerCase()}`);
      expect(m, p.name).toBeDefined();
      expect(suiteOf(m!)?.family ?? null, p.name).toBe(p.inSuite ? 'suite:office' : null);
    }
  });
});
