// @vitest-environment happy-dom
import { describe, it, expect } from 'vitest';
import { insideModal, topModal } from '../../src/content/modal';

describe('page modal', () => {
  it('finds no modal on a plain page', () => {
    document.body.innerHTML = '<p>ticket</p><dialog id="d"><p>closed dialog</p></dialog>';
    expect(topModal(document)).toBeNull();
  });

  it('tells what is inside the modal, looking out of shadow roots', () => {
    document.body.innerHTML =
      '<header><span id="out">KB 191014</span></header><dialog id="d"><div id="h"></div><p id="in">Q227142</p></dialog>';
    const dialog = document.getElementById('d')!;
    const sr = document.getElementById('h')!.attachShadow({ mode: 'open' });
    sr.innerHTML = '<p>shadow Q194999</p>';
    expect(insideModal(document.getElementById('in')!.firstChild!, dialog)).toBe(true);
    expect(insideModal(sr.querySelector('p')!.firstChild!, dialog)).toBe(true);
    expect(insideModal(document.getElementById('out')!.firstChild!, dialog)).toBe(false);
  });
});
