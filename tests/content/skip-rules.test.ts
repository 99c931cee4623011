// @vitest-environment happy-dom
import { describe, it, expect } from 'vitest';
import { textRuns, type TextRun } from '../../src/content/text-runs';
import { createSkipCheck, startsSkippedRegion } from '../../src/content/skip-rules';

const texts = (): string[] =>
  [...textRuns(document.body, createSkipCheck())].filter((r): r is TextRun => r !== null).map((r) => r.text);

describe('skip rules', () => {
  it('never reads form fields, scripts, styles, templates, svg or the card host', () => {
    document.body.innerHTML = `
      <p>read Q227142</p>
      <textarea>draft Q111111</textarea><input value="Q222222">
      <select><option>Q333333</option></select>
      <script>var t = "Q444444";</script><style>.q::after{content:"Q555555"}</style>
      <noscript>Q666666</noscript><template><p>Q777777</p></template>
      <svg><text>Q888888</text></svg>
      <kblens-card-host>Q999999</kblens-card-host>`;
    expect(texts()).toEqual(['read Q227142']);
  });

  it('skips contenteditable editors and everything inside them', () => {
    document.body.innerHTML = `
      <div contenteditable="true"><p>typed ${'Unable to deliver'} <b>Q123456</b></p><span contenteditable="false">Q654321</span></div>
      <div contenteditable="">plain Q100000</div><div contenteditable="plaintext-only">Q200000</div>
      <div role="textbox">Q300000</div>`;
    expect(texts()).toEqual([]);
  });

  it('skips editors by class even before they turn editable', () => {
    const editors = [
      'CodeMirror',
      'cm-editor',
      'monaco-editor',
      'ProseMirror',
      'ck-editor',
      'cke_editable',
      'mce-content-body',
      'tox-edit-area',
      'redactor-box',
      'redactor-in',
      'ql-editor',
    ];
    document.body.innerHTML = editors.map((c) => `<div class="x ${c}"><span>Q227142 in ${c}</span></div>`).join('');
    expect(texts()).toEqual([]);
  });

  it('still finds text in the read-only part right next to an editor', () => {
    document.body.innerHTML = `
      <section><p>Customer wrote: Q227142</p>
      <div class="ProseMirror" contenteditable="true"><p>my reply Q191014</p></div>
      <p>Quoted: KB 191014</p></section>`;
    expect(texts()).toEqual(['Customer wrote: Q227142', 'Quoted: KB 191014']);
  });

  it('does not treat class names that merely contain an editor name as editors', () => {
    document.body.innerHTML = '<div class="not-a-ProseMirror-thing"><p>Q227142</p></div>';
    expect(texts()).toEqual(['Q227142']);
    expect(startsSkippedRegion(document.body.firstElementChild!)).toBe(false);
  });

  it('skips a whole document in designMode (iframe editors)', () => {
    document.body.innerHTML = '<p>Q227142</p>';
    document.designMode = 'on';
    try {
      expect(texts()).toEqual([]);
    } finally {
      document.designMode = 'off';
    }
  });

  it('skips text in an open shadow root whose host is an editor', () => {
    document.body.innerHTML = '<div contenteditable="true" id="h"></div>';
    const sr = document.getElementById('h')!.attachShadow({ mode: 'open' });
    sr.innerHTML = 'Q227142';
    const check = createSkipCheck();
    expect(check.text(sr.firstChild as Text)).toBe(true);
  });
});
