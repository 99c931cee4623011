import { describe, expect, it } from 'vitest';
import { contentId } from '../../../src/core/index/content-id';

describe('contentId', () => {
  const files = new Map([
    ['titles/000.json', '["A","B"]\n'],
    ['search.json', '{"count":2}\n'],
  ]);

  it('is the same for the same files, in whatever order they were written', () => {
    expect(contentId(new Map([...files].reverse()))).toBe(contentId(files));
  });

  it('changes with one character of one file, or with a file renamed', () => {
    const id = contentId(files);
    expect(contentId(new Map([...files, ['search.json', '{"count":3}\n']]))).not.toBe(id);
    expect(
      contentId(
        new Map([
          ['titles/001.json', '["A","B"]\n'],
          ['search.json', '{"count":2}\n'],
        ]),
      ),
    ).not.toBe(id);
    // A character moved across the boundary between a path and its text.
    expect(
      contentId(
        new Map([
          ['titles/000.json[', '"A","B"]\n'],
          ['search.json', '{"count":2}\n'],
        ]),
      ),
    ).not.toBe(id);
  });
});
