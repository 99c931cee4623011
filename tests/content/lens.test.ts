// @vitest-environment happy-dom
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { ask } from '../../src/messaging/send';
import type { Request } from '../../src/messaging/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { startLens, type Lens } from '../../src/content/lens';
import { HUGE_MUTATIONS } from '../../src/content/mutations';
import {
  fakeAnswer,
  fakeScan,
  highlighted,
  installHighlightApi,
  NDR,
  rangeText,
  sheetTexts,
  testSchedule,
  tick,
  type FakeHighlight,
} from './helpers';

const TICKET = `
  <main id="ticket">
    <article class="comment"><p>Hi, mail bounces with:</p>
      <blockquote><b>Unable to deliver the message</b><br>due to a communications failure.</blockquote>
      <p>Similar to Q22<span>71</span>42 I think.</p></article>
    <div class="reply"><div class="ProseMirror" contenteditable="true"><p>draft: ${NDR} see KB 191014</p></div></div>
    <textarea>Q111111</textarea>
  </main>`;

let messages: Request[] = [];
let registry: Map<string, FakeHighlight>;
let lens: Lens | null = null;
let sheets: ReturnType<typeof sheetTexts>;
const adoptedCss = (): string => document.adoptedStyleSheets.map((s) => sheets.texts.get(s) ?? '').join('\n');

function start(settings: Settings = DEFAULT_SETTINGS): Lens {
  lens = startLens({
    win: window,
    settings,
    isTop: true,
    scan: (text, reset) => ask({ type: 'scan', text, reset }).then((r) => r.matches),
    articles: (qs, related) => ask({ type: 'articles', qs, related }),
    loadCard: () => import('../../src/content/card/controller').then((m) => m.createCard),
    schedule: testSchedule,
  });
  return lens;
}

describe('lens (whole content pipeline against a fake background)', () => {
  beforeEach(() => {
    messages = [];
    sheets = sheetTexts();
    registry = installHighlightApi(window);
    document.body.innerHTML = TICKET;
    // fake-browser relays only the sendResponse + `return true` style of listener.
    fakeBrowser.runtime.onMessage.addListener(((msg: Request, _sender: unknown, sendResponse: (r: unknown) => void) => {
      messages.push(msg);
      if (msg.type === 'scan') sendResponse({ matches: fakeScan(msg.text) });
      else if (msg.type === 'articles') sendResponse(fakeAnswer(msg.qs, msg.related));
      return true;
    }) as never);
  });
  afterEach(() => {
    lens?.dispose();
    lens = null;
    sheets.restore();
  });

  it('highlights KB references and NDRs in the ticket without changing a node', async () => {
    const before = document.body.innerHTML;
    const l = start();
    await l.idle();
    expect(highlighted(registry)).toEqual({
      'kblens-ndr': ['Unable to deliver the messagedue to a communications failure.'],
      'kblens-q': ['Q227142'],
    });
    expect(document.body.innerHTML).toBe(before);
    expect(document.querySelector('kblens-card-host')).toBeNull();
    const scans = messages.filter((m) => m.type === 'scan');
    expect(scans[0]).toMatchObject({ reset: true });
    // The editor's and the textarea's text never left the page.
    expect(scans.some((m) => m.type === 'scan' && /draft|Q111111/.test(m.text))).toBe(false);
  });

  it('styles highlights from settings through an adopted stylesheet', async () => {
    const l = start();
    await l.idle();
    const css = adoptedCss();
    expect(css).toContain('::highlight(kblens-q){background-color:#fde68a');
    expect(css).toContain('::highlight(kblens-ndr)');
  });

  it('stops highlighting a kind the agent turns off, and brings it back', async () => {
    const l = start();
    await l.idle();
    const off = structuredClone(DEFAULT_SETTINGS);
    off.kinds.q.enabled = false;
    off.kinds.ndr.color = '#00ff00';
    l.applySettings(off);
    expect([...registry.keys()]).toEqual(['kblens-ndr']);
    expect(adoptedCss()).toContain('::highlight(kblens-ndr){background-color:#00ff00');
    l.applySettings(DEFAULT_SETTINGS);
    expect([...registry.keys()].sort()).toEqual(['kblens-ndr', 'kblens-q']);
  });

  it('does not highlight a disabled kind that arrives later', async () => {
    const off = structuredClone(DEFAULT_SETTINGS);
    off.kinds.q.enabled = false;
    const l = start(off);
    await l.idle();
    expect(registry.has('kblens-q')).toBe(false);
    expect(l.store.all().some((e) => e.match.kind === 'q')).toBe(true);
  });

  it('scans comments added after load, once, and drops highlights of removed ones', async () => {
    const l = start();
    await l.idle();
    const scansBefore = messages.filter((m) => m.type === 'scan').length;
    const ticket = document.getElementById('ticket')!;
    for (let i = 0; i < 5; i++) {
      const a = document.createElement('article');
      a.className = 'comment new';
      a.innerHTML = `<p>Also see support.microsoft.com/kb/${191010 + i}</p>`;
      ticket.appendChild(a);
    }
    l.flushMutations();
    await l.idle();
    expect(messages.filter((m) => m.type === 'scan').length).toBe(scansBefore + 1);
    expect(highlighted(registry)['kblens-q']).toHaveLength(6);
    for (const a of Array.from(document.querySelectorAll('.new'))) a.remove();
    l.flushMutations();
    await l.idle();
    expect(highlighted(registry)['kblens-q']).toEqual(['Q227142']);
  });

  it('rescans a changed block without duplicating its highlights', async () => {
    const l = start();
    await l.idle();
    const p = document.querySelectorAll('.comment p')[1]!;
    p.appendChild(document.createTextNode(' And KB 191014.'));
    l.flushMutations();
    await l.idle();
    expect(highlighted(registry)['kblens-q']).toEqual(['Q227142', 'KB 191014']);
  });

  it('after a burst over HUGE_MUTATIONS appended in one task, starts over and highlights every match in it once', async () => {
    const l = start();
    await l.idle();
    messages = [];
    const box = document.createElement('div');
    document.body.appendChild(box);
    l.flushMutations();
    await l.idle();
    for (let i = 0; i < HUGE_MUTATIONS + 200; i++) {
      const p = document.createElement('p');
      p.textContent = i % 100 === 0 ? `chat line ${i}: see KB ${191000 + i}` : `chat line ${i}`;
      box.appendChild(p);
    }
    l.flushMutations();
    await l.idle();
    // One full rescan that tells the background to forget the page, not 1,200 block rescans.
    expect(messages.filter((m) => m.type === 'scan')[0]).toMatchObject({ reset: true });
    const q = highlighted(registry)['kblens-q']!;
    expect(q.filter((t) => t.startsWith('KB 19'))).toHaveLength(12);
    expect(q.filter((t) => t === 'Q227142')).toHaveLength(1);
    expect(new Set(l.store.all().map((e) => e.startNode)).size).toBe(l.store.size);
  });

  it('starts over with a reset on an SPA route change', async () => {
    const l = start();
    await l.idle();
    messages = [];
    history.pushState({}, '', '/tickets/2');
    document.getElementById('ticket')!.innerHTML = '<article><p>Other ticket, KB 191014</p></article>';
    await tick(30);
    await l.idle();
    expect(messages[0]).toMatchObject({ type: 'scan', reset: true });
    expect(highlighted(registry)).toEqual({ 'kblens-ndr': [], 'kblens-q': ['KB 191014'] });
  });

  it('leaves the reply editor untouched when the agent types an NDR into it', async () => {
    const l = start();
    await l.idle();
    const editor = document.querySelector('.ProseMirror')!;
    const html = editor.innerHTML;
    editor.querySelector('p')!.appendChild(document.createTextNode(' Q227142'));
    l.flushMutations();
    await l.idle();
    expect(editor.innerHTML).toBe(html.replace('</p>', ' Q227142</p>'));
    expect(l.store.all().some((e) => editor.contains(e.startNode))).toBe(false);
  });

  it('drops highlights in a block that turns into an editor, and finds them again when it turns back', async () => {
    const l = start();
    await l.idle();
    const p = document.querySelectorAll('.comment p')[1] as HTMLElement;
    p.setAttribute('contenteditable', 'true');
    await l.idle();
    expect(highlighted(registry)['kblens-q']).toEqual([]);
    p.removeAttribute('contenteditable');
    await l.idle();
    expect(highlighted(registry)['kblens-q']).toEqual(['Q227142']);
  });

  it('scans open shadow roots and styles highlights inside them', async () => {
    const host = document.createElement('now-record');
    document.body.appendChild(host);
    const sr = host.attachShadow({ mode: 'open' });
    sr.innerHTML = '<div><p>Work note: Q191014</p></div>';
    const l = start();
    await l.idle();
    const inShadow = l.store.all().filter((e) => e.startNode.getRootNode() === sr);
    expect(inShadow.map((e) => rangeText(e.range))).toEqual(['Q191014']);
    expect(sr.adoptedStyleSheets.length).toBe(1);
  });

  it('scans a same-origin srcdoc iframe holding the email body', async () => {
    const frame = document.createElement('iframe');
    frame.srcdoc = '<html><body><pre>From: postmaster\nKB 191014</pre></body></html>';
    frame.addEventListener('load', () => installHighlightApi(frame.contentWindow!));
    document.body.appendChild(frame);
    const l = start();
    await tick(50);
    await l.idle();
    const inFrame = l.store.all().filter((e) => e.startNode.ownerDocument === frame.contentDocument);
    expect(inFrame.map((e) => e.match.value)).toEqual(['Q191014']);
  });

  it('answers the background: ping, rescan, next-match', async () => {
    const l = start();
    await l.idle();
    await expect(l.handle({ type: 'ping' })).resolves.toEqual({ ok: true, matches: 2 });
    messages = [];
    await l.handle({ type: 'rescan' });
    await l.idle();
    expect(messages[0]).toMatchObject({ type: 'scan', reset: true });
    expect(l.store.size).toBe(2);
  });

  it('stops quietly when the extension context goes away', async () => {
    fakeBrowser.runtime.onMessage.removeAllListeners?.();
    let lost = 0;
    lens = startLens({
      win: window,
      settings: DEFAULT_SETTINGS,
      isTop: true,
      scan: () => Promise.reject(new Error('Extension context invalidated.')),
      articles: () => Promise.resolve({ articles: [] }),
      loadCard: () => import('../../src/content/card/controller').then((m) => m.createCard),
      schedule: testSchedule,
      onContextLost: () => lost++,
    });
    await tick(30);
    expect(lost).toBe(1);
    expect(lens.handle({ type: 'ping' })).toBeUndefined();
  });
});
