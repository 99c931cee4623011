import { describe, expect, it } from 'vitest';
import { htmlToText, looksLikeHtml } from '../../../src/core/inputs/html-text';

describe('htmlToText', () => {
  it('keeps the text, breaks blocks, joins inline elements', () => {
    const text = htmlToText('<div><b>Unable to</b> deliver the message<br>due to a <i>communications</i> failure.</div><p>Q227142</p>');
    expect(text).toBe('Unable to deliver the message\ndue to a communications failure.\n\nQ227142');
  });
  it('skips scripts, styles and comments and decodes entities', () => {
    const text = htmlToText('<head><title>t</title><style>p{}</style></head><script>var x="Q191014"</script><!-- Q1 --><p>AT&amp;T &lt;server name&gt; &#8211; &#x41;&nbsp;b</p>');
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
