/**
 * Where KB Lens must never look: form fields, rich-text editors, code, hidden machinery, and its
 * own card. Editors matter most: the agent's reply is theirs, and editors (ProseMirror, CKEditor,
 * TinyMCE...) re-render or lose undo history when anything touches their DOM.
 */

/** The one element KB Lens adds to a page. */
export const CARD_HOST_TAG = 'kblens-card-host';

const SKIPPED_TAGS = new Set([
  'head',
  'title',
  'script',
  'style',
  'noscript',
  'template',
  'input',
  'textarea',
  'select',
  'option',
  'svg',
  'math',
  'canvas',
  'iframe',
  'frame',
  'object',
  'embed',
  CARD_HOST_TAG,
]);

/**
 * Editor roots by class name. Several of them only become contenteditable after a click (CodeMirror
 * 5's hidden textarea, Monaco's view lines), so the attribute alone is not enough.
 */
const EDITOR_CLASS = new RegExp(
  '(?:^|\\s)(?:' +
    [
      'CodeMirror',
      'cm-editor',
      'cm-content',
      'monaco-editor',
      'ace_editor',
      'ProseMirror',
      'ck-editor',
      'ck-content',
      'cke',
      'cke_editable',
      'cke_contents',
      'mce-content-body',
      'mce-edit-area',
      'tox-tinymce',
      'tox-edit-area',
      'redactor-box',
      'redactor-in',
      'redactor-editor',
      'redactor-layer',
      'ql-editor',
      'fr-element',
      'fr-box',
      'trix-content',
    ].join('|') +
    ')(?:\\s|$)',
);

function isEditable(el: Element): boolean {
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce.toLowerCase() !== 'false') return true;
  return el.getAttribute('role') === 'textbox';
}

/** True when this element itself (not counting its ancestors) starts a region KB Lens skips. */
export function startsSkippedRegion(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.localName)) return true;
  if (isEditable(el)) return true;
  const cls = el.getAttribute('class');
  return cls !== null && cls !== '' && EDITOR_CLASS.test(cls);
}

/** Memoised skip decisions for one pass over the DOM (attributes may change between passes). */
export interface SkipCheck {
  element(el: Element): boolean;
  text(node: Text): boolean;
}

/**
 * One check per pass. Decisions are cached per element, so a walk asks each ancestor once, not once
 * per text node (a `closest()` per text node is ~10x the cost of the walk itself, measured in Chromium).
 */
export function createSkipCheck(): SkipCheck {
  const memo = new Map<Element, boolean>();
  const element = (el: Element): boolean => {
    const known = memo.get(el);
    if (known !== undefined) return known;
    let skip = startsSkippedRegion(el);
    if (!skip) {
      const parent = parentOrHost(el);
      if (parent) skip = element(parent);
      else skip = el.ownerDocument.designMode === 'on';
    }
    memo.set(el, skip);
    return skip;
  };
  return {
    element,
    text(node: Text): boolean {
      const parent = node.parentNode;
      if (!parent) return true;
      if (parent.nodeType === 1) return element(parent as Element);
      // A text node directly under a shadow root: its host decides.
      const host = (parent as Partial<ShadowRoot>).host;
      return host ? element(host) : parent.nodeType !== 9 || (parent as Document).designMode === 'on';
    },
  };
}

/** Parent element, crossing from a shadow root's top level to its host. */
export function parentOrHost(el: Element): Element | null {
  const p = el.parentNode;
  if (!p) return null;
  if (p.nodeType === 1) return p as Element;
  return (p as Partial<ShadowRoot>).host ?? null;
}
