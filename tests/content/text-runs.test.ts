// @vitest-environment happy-dom
import { describe, it, expect, beforeEach } from 'vitest';
import { textRuns, pointInRun, type TextRun } from '../../src/content/text-runs';
import { createSkipCheck } from '../../src/content/skip-rules';

function runs(root: Node = document.body): TextRun[] {
  return [...textRuns(root, createSkipCheck(), 2)].filter((r): r is TextRun => r !== null);
}
const texts = (root?: Node): string[] => runs(root).map((r) => r.text);

describe('textRuns', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('joins text split across inline elements into one run', () => {
    document.body.innerHTML = '<p>See Q22<b>71</b>42 and <span><i>KB</i> <a href="#">191014</a></span>.</p>';
    expect(texts()).toEqual(['See Q227142 and KB 191014.']);
  });

  it('keeps a run through <wbr> and nested React-style spans', () => {
    document.body.innerHTML =
      '<div><span><span>support.microsoft.com/</span><wbr><span><span>kb/</span>227142</span></span></div>';
    expect(texts()).toEqual(['support.microsoft.com/kb/227142']);
  });

  it('breaks runs at <br> and at block elements, entering and leaving them', () => {
    document.body.innerHTML = '<div>Unable to deliver<br>the message<p>inner</p>after <b>bold</b></div><div>next</div>';
    expect(texts()).toEqual(['Unable to deliver', 'the message', 'inner', 'after bold', 'next']);
  });

  it('breaks at an empty block between two texts', () => {
    document.body.innerHTML = '<div>one<div></div>two<hr>three<img alt="">four</div>';
    expect(texts()).toEqual(['one', 'two', 'three', 'four']);
  });

  it('treats custom elements as inline', () => {
    document.body.innerHTML = '<p>ticket <my-mention>Q227142</my-mention> cited</p>';
    expect(texts()).toEqual(['ticket Q227142 cited']);
  });

  it('drops whitespace-only runs', () => {
    document.body.innerHTML = '<div>\n  <p>a</p>\n  <p>b</p>\n</div>';
    expect(texts()).toEqual(['a', 'b']);
  });

  it('maps offsets back to the text node holding them', () => {
    document.body.innerHTML = '<p>See Q22<b>71</b>42 now</p>';
    const [run] = runs();
    const start = run!.text.indexOf('Q227142');
    const end = start + 'Q227142'.length;
    const s = pointInRun(run!, start, 'start');
    const e = pointInRun(run!, end, 'end');
    expect(s.node.data).toBe('See Q22');
    expect(s.offset).toBe(4);
    expect(e.node.data).toBe('42 now');
    expect(e.offset).toBe(2);
    const r = document.createRange();
    r.setStart(s.node, s.offset);
    r.setEnd(e.node, e.offset);
    expect(r.toString()).toBe('Q227142');
  });

  it('puts a start on a node boundary into the next node and an end into the previous one', () => {
    document.body.innerHTML = '<p>ab<b>cd</b>ef</p>';
    const [run] = runs();
    expect(pointInRun(run!, 2, 'start')).toMatchObject({ offset: 0, index: 1 });
    expect(pointInRun(run!, 4, 'end')).toMatchObject({ offset: 2, index: 1 });
    expect(pointInRun(run!, 0, 'start').offset).toBe(0);
    expect(pointInRun(run!, 6, 'end')).toMatchObject({ offset: 2, index: 2 });
  });

  it('yields ticks during long walks so a caller can yield to the page', () => {
    document.body.innerHTML = '<p>' + Array.from({ length: 10 }, (_, i) => `<span>w${i} </span>`).join('') + '</p>';
    const steps = [...textRuns(document.body, createSkipCheck(), 3)];
    expect(steps.filter((s) => s === null).length).toBe(3);
    expect(steps.filter((s) => s !== null).length).toBe(1);
  });

  it('scans a single text node root', () => {
    document.body.innerHTML = '<p>Q227142</p>';
    expect(texts(document.body.firstChild!.firstChild!)).toEqual(['Q227142']);
  });
});
