// @vitest-environment happy-dom
import { describe, it, expect, beforeEach } from 'vitest';
import { createScanner, type PlacedMatch } from '../../src/content/scanner';
import { fakeScan, NDR, testSchedule } from './helpers';

interface Sent {
  text: string;
  reset: boolean;
}

function setup(
  opts: {
    chunkChars?: number;
    overlapChars?: number;
    respond?: (t: string) => Promise<ReturnType<typeof fakeScan>>;
  } = {},
) {
  const sent: Sent[] = [];
  const found: PlacedMatch[] = [];
  const scanner = createScanner({
    send: (text, reset) => {
      sent.push({ text, reset });
      return opts.respond ? opts.respond(text) : Promise.resolve(fakeScan(text));
    },
    onMatches: (p) => found.push(...p),
    schedule: testSchedule,
    now: () => performance.now(),
    chunkChars: opts.chunkChars,
    overlapChars: opts.overlapChars,
  });
  return { scanner, sent, found };
}

const spanText = (p: PlacedMatch): string => {
  const r = document.createRange();
  r.setStart(p.start.node, p.start.offset);
  r.setEnd(p.end.node, p.end.offset);
  return r.toString();
};

describe('scanner', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('sends blocks joined by newlines and places matches that span inline markup and <br>', async () => {
    document.body.innerHTML = `<p>See Q22<b>71</b>42.</p><div>Unable to deliver the <b>message</b><br>due to a communications failure.</div>`;
    const { scanner, sent, found } = setup();
    scanner.restart();
    scanner.enqueue(document.body);
    await scanner.idle();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.reset).toBe(true);
    expect(sent[0]!.text).toBe('See Q227142.\nUnable to deliver the message\ndue to a communications failure.');
    expect(found.map((f) => f.match.kind)).toEqual(['q', 'ndr']);
    expect(spanText(found[0]!)).toBe('Q227142');
    // A Range's toString has no "\n" for the <br>: the span covers both lines' text nodes.
    expect(spanText(found[1]!)).toBe('Unable to deliver the messagedue to a communications failure.');
    expect(found[1]!.nodes.map((n) => n.data)).toEqual([
      'Unable to deliver the ',
      'message',
      'due to a communications failure.',
    ]);
  });

  it('cuts a big text into overlapping chunks and finds each match exactly once', async () => {
    const words: string[] = [];
    for (let i = 0; i < 400; i++)
      words.push(i % 37 === 0 ? `Q${100000 + i}` : i % 53 === 0 ? NDR : 'lorem ipsum dolor');
    document.body.innerHTML = `<pre>${words.join(' ')}</pre>`;
    const { scanner, sent, found } = setup({ chunkChars: 500, overlapChars: 100 });
    scanner.restart();
    scanner.enqueue(document.body);
    await scanner.idle();
    expect(sent.length).toBeGreaterThan(10);
    expect(sent.filter((s) => s.reset)).toHaveLength(1);
    const expected = fakeScan(words.join(' '));
    expect(found.map((f) => f.match.text)).toEqual(expected.map((m) => m.text));
    for (const f of found) expect(spanText(f)).toBe(f.match.text);
    // Windows start on a word: no chunk begins in the middle of "Q100037".
    for (const s of sent.slice(1)) expect(s.text).not.toMatch(/^\d/);
  });

  it('sends the reset message alone, before any other chunk', async () => {
    document.body.innerHTML = `<pre>${'Q227142 filler text '.repeat(200)}</pre>`;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const order: string[] = [];
    const { scanner, sent } = setup({
      chunkChars: 500,
      overlapChars: 50,
      respond: async (t) => {
        const first = order.length === 0;
        order.push(first ? 'reset-sent' : 'chunk-sent');
        if (first) await gate;
        return fakeScan(t);
      },
    });
    scanner.restart();
    scanner.enqueue(document.body);
    await new Promise((r) => setTimeout(r, 20));
    expect(sent).toHaveLength(1);
    release();
    await scanner.idle();
    expect(sent.length).toBeGreaterThan(2);
    expect(sent[0]!.reset).toBe(true);
    expect(sent.slice(1).every((s) => !s.reset)).toBe(true);
  });

  it('tells the background to reset even when the page has no text', async () => {
    const { scanner, sent } = setup();
    scanner.restart();
    scanner.enqueue(document.body);
    await scanner.idle();
    expect(sent).toEqual([{ text: '', reset: true }]);
  });

  it('drops answers whose text changed while the message was in flight', async () => {
    document.body.innerHTML = '<p id="p">See Q227142 here</p>';
    const text = document.getElementById('p')!.firstChild as Text;
    const { scanner, found } = setup({
      respond: async (t) => {
        text.data = 'See Q999999 here';
        return fakeScan(t);
      },
    });
    scanner.enqueue(document.body);
    await scanner.idle();
    expect(found).toEqual([]);
  });

  it('ignores answers from before a restart', async () => {
    document.body.innerHTML = '<p>Q227142</p>';
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let calls = 0;
    const { scanner, found } = setup({
      respond: async (t) => {
        if (calls++ === 0) await gate;
        return fakeScan(t);
      },
    });
    scanner.enqueue(document.body);
    await new Promise((r) => setTimeout(r, 10));
    scanner.restart();
    scanner.enqueue(document.body);
    release();
    await scanner.idle();
    await new Promise((r) => setTimeout(r, 10));
    expect(found).toHaveLength(1);
  });

  it('keeps each scope (document, shadow root) in its own stream', async () => {
    document.body.innerHTML = '<p>Unable to deliver the message</p><div id="h"></div>';
    const sr = document.getElementById('h')!.attachShadow({ mode: 'open' });
    sr.innerHTML = '<p>due to a communications failure. Q227142</p>';
    const { scanner, sent, found } = setup();
    scanner.enqueue(document);
    scanner.enqueue(sr);
    await scanner.idle();
    expect(sent.map((s) => s.text)).toEqual([
      'Unable to deliver the message',
      'due to a communications failure. Q227142',
    ]);
    expect(found.map((f) => f.match.kind)).toEqual(['q']);
    expect(spanText(found[0]!)).toBe('Q227142');
    expect(found[0]!.start.node.getRootNode()).toBe(sr);
  });
});
