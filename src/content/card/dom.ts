/**
 * The card's only way to make DOM: elements with text set through textContent and attributes
 * through setAttribute. Nothing here parses markup, so ticket or article text can never become HTML.
 */
export type Child = Node | string | null | false | undefined;

export interface Props {
  class?: string;
  text?: string;
  attrs?: Record<string, string>;
}

export function h(doc: Document, tag: string, props: Props = {}, children: Child[] = []): HTMLElement {
  const el = doc.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.attrs) for (const [k, v] of Object.entries(props.attrs)) el.setAttribute(k, v);
  if (props.text !== undefined) el.textContent = props.text;
  for (const c of children) {
    if (c === null || c === false || c === undefined) continue;
    el.append(typeof c === 'string' ? doc.createTextNode(c) : c);
  }
  return el;
}
