import { describe, expect, it } from 'vitest';
import { queryVersions } from '../../../src/core/search/versions';

describe('queryVersions', () => {
  it('reads a number after a product name as its version', () => {
    expect(queryVersions(['nt', '4', 'print'], [])).toEqual(['4']);
  });

  it('reads no version in a number that a unit follows', () => {
    // "himem 64mb" is a size: an article's applies-to list has no version 64.
    expect(queryVersions(['himem', '64', 'mb', 'limit'], [])).toEqual([]);
    expect(queryVersions(['win95', '16', 'bit', 'app'], [])).toEqual(['95']);
  });
});
