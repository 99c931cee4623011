import { describe, expect, it } from 'vitest';
import { collapseBlankLines, htmlToText, looksLikeHtml } from '../../../src/core/inputs/html-text';
import { growthRatio, LINEAR_RATIO_LIMIT } from '../../helpers/growth';

describe('htmlToText', () => {
  it('keeps the text, breaks blocks, joins inline elements', () => {
    const text = htmlToText(
      '<div><b>Unable to</b> deliver the message<br>due to a <i>communications</i> failure.</div><p>Q227142</p>',
    );
    expect(text).toBe('Unable to deliver the message\ndue to a communications failure.\n\nQ227142');
  });
  it('skips scripts, styles and comments and decodes entities', () => {
    const text = htmlToText(
      '<head><title>t</title><style>p{}</style></head><script>var x="Q191014"</script><!-- Q1 --><p>AT&amp;T &lt;server name&gt; &#8211; &#x41;&nbsp;b</p>',
    );
    expect(text).toBe('AT&T <server name> – A b');
  });
  it('treats unbalanced markup as text instead of losing it', () => {
    expect(htmlToText('a < b and <unclosed')).toBe('a < b and <unclosed');
    expect(htmlToText('<p>x</p><script>never closed')).toBe('x');
  });
  it('handles a megabyte of unbalanced tags in one pass', () => {
    const text = htmlToText('<b'.repeat(500_000));
    expect(text.length).toBeGreaterThan(0);
  });
  it('guesses HTML', () => {
    expect(looksLikeHtml('<!DOCTYPE html><html>')).toBe(true);
    expect(looksLikeHtml('Error <server name> not found')).toBe(false);
  });
});

describe('htmlToText on hostile whitespace', () => {
  it('takes time linear in the length of whitespace runs', () => {
    // The blank-line regex it replaces took seconds on 100 KB of spaces: quadratic in a run.
    const make = (n: number) => `<p>a${' '.repeat(n)}b</p>${' \t'.repeat(n)}\n${' '.repeat(n)}x`;
    expect(growthRatio(htmlToText, make, 5_000)).toBeLessThan(LINEAR_RATIO_LIMIT);
  });
  it('collapses blank lines as before', () => {
    expect(collapseBlankLines('a  \n \t \n\n  b\nc \nd')).toBe('a\n\n  b\nc \nd');
    expect(htmlToText('<p>one</p>  \n  <p>two</p>')).toBe('one\n\ntwo');
  });
});
