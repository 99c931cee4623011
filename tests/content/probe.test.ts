// @vitest-environment happy-dom
import { describe, it, expect, afterEach } from 'vitest';
import { startProbe, type Probe } from '../../src/content/probe';
import { WINDOW_CHARS as PROBE_CHUNK, WINDOW_OVERLAP as PROBE_OVERLAP } from '../../src/core/windows';
import { fakeScan, testSchedule, tick } from './helpers';

let probe: Probe | null = null;
afterEach(() => {
  probe?.stop();
  probe = null;
});

function start(): { sent: { text: string; reset: boolean }[]; found: () => number } {
  const sent: { text: string; reset: boolean }[] = [];
  let found = 0;
  probe = startProbe({
    win: window,
    find: async (text, reset) => {
      sent.push({ text, reset });
      return fakeScan(text).length > 0;
    },
    onFound: () => found++,
    schedule: testSchedule,
  });
  return { sent, found: () => found };
}

describe('probe (what runs on every page until a match turns up)', () => {
  it('reads the page like the lens does, resets the tab on the first message, and stays put when nothing matches', async () => {
    document.body.innerHTML =
      '<main><p>Order Q12 of 2024, room 227142B.</p><p>Printer jam.</p><textarea>Q227142</textarea></main>';
    const { sent, found } = start();
    await probe!.idle();
    expect(sent[0]!.reset).toBe(true);
    expect(sent.map((s) => s.text).join('\n')).toContain('Order Q12 of 2024, room 227142B.\nPrinter jam.');
    expect(sent.map((s) => s.text).join('\n')).not.toContain('Q227142'); // form fields are never read
    expect(found()).toBe(0);
    expect(probe!.stopped).toBe(false);
  });

  it('hands over once, and stops, at the first match (the lens places it)', async () => {
    document.body.innerHTML = '<p>See Q22<b>71</b>42 and KB 191014.</p>';
    const { found } = start();
    await probe!.idle();
    expect(found()).toBe(1);
    expect(probe!.stopped).toBe(true);
  });

  it('keeps watching the page: a comment added later with a match hands over', async () => {
    document.body.innerHTML = '<main id="c"><p>Printer jam.</p></main>';
    const { sent, found } = start();
    await probe!.idle();
    expect(found()).toBe(0);
    const p = document.createElement('p');
    p.textContent = 'Looks like Q227142.';
    document.getElementById('c')!.append(p);
    await tick(10);
    probe!.flushMutations();
    await probe!.idle();
    expect(sent.at(-1)!.text).toBe('Looks like Q227142.');
    expect(found()).toBe(1);
  });

  it('after stop() it neither scans nor hands over', async () => {
    document.body.innerHTML = '<main id="c"><p>Printer jam.</p></main>';
    const { sent, found } = start();
    await probe!.idle();
    probe!.stop();
    const n = sent.length;
    document.getElementById('c')!.append(Object.assign(document.createElement('p'), { textContent: 'Q227142' }));
    await tick(20);
    expect(sent.length).toBe(n);
    expect(found()).toBe(0);
  });

  it('reads open shadow roots, including one attached after the first pass', async () => {
    document.body.innerHTML = '<main id="c"><p>Printer jam.</p><x-thread id="t"></x-thread></main>';
    document.getElementById('t')!.attachShadow({ mode: 'open' }).innerHTML = '<p>Toner low.</p>';
    const { sent, found } = start();
    await probe!.idle();
    expect(sent.map((s) => s.text).join('\n')).toContain('Toner low.');
    expect(found()).toBe(0);
    const late = document.createElement('x-reply');
    late.attachShadow({ mode: 'open' }).innerHTML = '<p>Fixed by KB 191014.</p>';
    document.getElementById('c')!.append(late);
    await tick(10);
    probe!.flushMutations();
    await probe!.idle();
    expect(found()).toBe(1);
  });

  it('sends a long page in overlapping messages, so a match across a cut is still found whole', async () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(Math.ceil((2 * (PROBE_CHUNK + PROBE_OVERLAP)) / 27));
    // The reference straddles the end of the first message.
    const text = filler.slice(0, PROBE_CHUNK + PROBE_OVERLAP - 5) + ' Q227142 ' + filler;
    document.body.innerHTML = `<p>${text}</p>`;
    const { sent, found } = start();
    await probe!.idle();
    expect(sent.length).toBeGreaterThan(1);
    for (const s of sent) expect(s.text.length).toBeLessThanOrEqual(PROBE_CHUNK + PROBE_OVERLAP);
    expect(sent.filter((s) => s.reset)).toHaveLength(1);
    expect(sent[0]!.text).not.toContain('Q227142');
    expect(sent[1]!.text).toContain(' Q227142 ');
    expect(found()).toBe(1);
  });

  it('still resets the tab once on a page with no text at all', async () => {
    document.body.innerHTML = '<main><img alt=""></main>';
    const { sent } = start();
    await probe!.idle();
    expect(sent).toEqual([{ text: '', reset: true }]);
  });

  it('leaves editors unread, and reads a region once it stops being editable', async () => {
    document.body.innerHTML = '<div id="e" contenteditable="true"><p>Draft: see Q227142</p></div>';
    const { sent, found } = start();
    await probe!.idle();
    expect(sent.map((s) => s.text).join('')).not.toContain('Q227142');
    document.getElementById('e')!.setAttribute('contenteditable', 'false');
    await tick(10);
    probe!.flushMutations();
    await probe!.idle();
    expect(found()).toBe(1);
  });
});
