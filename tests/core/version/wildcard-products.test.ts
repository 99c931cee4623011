/**
 * Products named with a wildcard minor version (version/wildcard-products.ts): found for the
 * described search's scope, without a version.
 */
import { describe, expect, it } from 'vitest';
import { findWildcardProducts } from '../../../src/core/version/wildcard-products';
import { findProductMentions } from '../../../src/core/version/products';

const found = (text: string) =>
  findWildcardProducts(text).map((p) => ({ name: p.name, version: p.version, text: text.slice(p.start, p.end) }));

describe('a product with a wildcard version', () => {
  it("is the product the version readers know; a family's with the stand-in in the wildcard's place", () => {
    // The family table alone misses it.
    expect(findProductMentions('since the move to Exchange 5.x the public folders stop replicating')).toEqual([]);
    const exchange = found('since the move to Exchange 5.x the public folders stop replicating');
    expect(exchange.map((p) => [p.name.replace(/\d.*/, ''), p.version.replace(/\..*/, ''), p.text])).toEqual([
      ['Exchange ', '5', 'Exchange 5.x'],
    ]);
    // The 16-bit line, as "Windows 3.1" reads: not Windows NT 3.5, and not bare "Windows" (every
    // release's articles, NT 4.0's too).
    expect(found('the printer on Windows 3.x prints blank pages')).toEqual([
      { name: 'Windows 3.1', version: '3.1', text: 'Windows 3.x' },
    ]);
    expect(found('On Windows NT Server 3.X the spooler hangs.')).toEqual([
      { name: 'Windows NT 3.1', version: '3.1', text: 'Windows NT Server 3.X' },
    ]);
  });

  it('ends a sentence, but is no part of a longer token', () => {
    expect(found('The public folders stop replicating on Exchange 5.x.').map((p) => p.text)).toEqual(['Exchange 5.x']);
    expect(found('see Exchange 5.xls for the list')).toEqual([]);
    expect(found('Exchange 5.x.1 is no version')).toEqual([]);
  });

  it('needs a product name before it', () => {
    expect(found('our own tool 3.x crashes at start')).toEqual([]);
    expect(found('version 2.x of the in-house app')).toEqual([]);
  });

  it('leaves a product already found alone', () => {
    const text = 'Exchange 5.x clients';
    const known = findWildcardProducts(text);
    expect(findWildcardProducts(text, known)).toEqual([]);
  });
});

describe('a program named with a wildcard version', () => {
  it('is found as the version readers find it with a digit', () => {
    const word = findWildcardProducts('Word 6.x mail merge drops the last record');
    expect(word.map((p) => [p.family, p.name, p.version, p.start, p.end])).toEqual([['other:word', 'Word', '', 0, 8]]);
    expect(found('MFC 4.x: the dialog in our extension DLL has no icons').map((p) => p.text)).toEqual(['MFC 4.x']);
  });
});

describe('a page of wildcards', () => {
  it('reads only the first few', () => {
    const text = Array.from({ length: 50 }, (_, i) => `Exchange ${(i % 9) + 1}.x`).join(', ');
    expect(findWildcardProducts(text).length).toBe(20);
    expect(findWildcardProducts(text, [], 3).length).toBe(3);
  });

  it('counts only wildcards with a word in front: bare versions of a changelog leave the product found', () => {
    const changelog = Array.from({ length: 30 }, (_, i) => `${(i % 9) + 1}.x`).join(', ');
    expect(found(`${changelog}\nWindows 3.x setup stops`).map((p) => p.text)).toEqual(['Windows 3.x']);
    expect(found('1.x 2.x 3.x 4.x')).toEqual([]);
  });
});
