import { describe, expect, it } from 'vitest';
import { parseFixture } from './fixture';

describe('versions the article says the problem does not occur in', () => {
  it('another version named outright; a condition inside the affected version is no absence', () => {
    const { record } = parseFixture('absent-other-version.md');
    expect(record.unaffected).toEqual([{ product: 'Gadget Server', version: '5.0', range: 'at' }]);
  });
  it('"later versions of X" and "earlier versions of the product" are bounded by the listed versions', () => {
    const { record } = parseFixture('absent-later-versions.md');
    expect(record.unaffected).toEqual([
      { product: 'Widget Mixer for Workgroups', version: '3.1', range: 'later' },
      { product: 'Widget Mixer for Workgroups', version: '3.1', range: 'earlier' },
    ]);
  });
  it('a version list, a second product after "or in", and no service pack (a fix, not an absence)', () => {
    const { record } = parseFixture('absent-version-list.md');
    expect(record.unaffected).toEqual([
      { product: 'Doodad BASIC', version: '4.50', range: 'at' },
      { product: 'Doodad BASIC', version: '5.00', range: 'at' },
      { product: 'Doodad PDS', version: '7.00', range: 'at' },
    ]);
  });
  it('an article that names none has no field', () => {
    expect(parseFixture('workaround.md').record.unaffected).toBeUndefined();
  });
});
