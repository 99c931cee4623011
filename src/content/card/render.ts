import { h, type Child } from './dom';
import type { ArticleModel, BounceModel, CardModel, LinkModel, VersionRow } from './view-model';

/**
 * Lays a CardModel out as DOM. Plain DOM rather than Preact: the card is one small tree rebuilt
 * whole on each show, so a virtual DOM buys nothing, and leaving Preact out keeps ~10 kB off a
 * script that runs on every ticket page. All text goes through textContent (see dom.ts).
 */
export interface CardActions {
  onClose(): void;
  /** `status`: where to say whether it worked. */
  onCopy(summary: string, status?: Element): void;
}

export const COPY_STATUS_CLASS = 'status';
export const LONG_QUOTE = 32;

export function renderCard(doc: Document, container: HTMLElement, model: CardModel, actions: CardActions): void {
  container.setAttribute('aria-label', model.label);
  const close = h(doc, 'button', { class: 'close', text: '×', attrs: { type: 'button', 'aria-label': 'Close' } });
  close.addEventListener('click', () => actions.onClose());
  const head = h(doc, 'div', { class: 'head' }, [
    h(doc, 'span', { class: `kind kind-${model.kind}`, text: model.kindLabel }),
    // A long quote (an NDR sentence) gets its own row rather than a narrow column beside the chip.
    h(doc, 'span', { class: model.matched.length > LONG_QUOTE || model.detail ? 'matched long' : 'matched' }, [
      `“${model.matched}”`,
      model.detail ? h(doc, 'span', { class: 'detail', text: model.detail }) : null,
    ]),
    close,
  ]);
  const body: Child[] = [];
  if (model.bounce) body.push(bounce(doc, model.bounce, actions));
  if (model.state === 'loading')
    body.push(h(doc, 'p', { class: 'loading', text: 'Looking up the article…', attrs: { role: 'status' } }));
  if (model.notice) body.push(h(doc, 'p', { class: 'notice', text: model.notice }));
  if (model.versions.length) body.push(versions(doc, model.versions));
  if (model.best) body.push(article(doc, model.best, actions));
  if (model.others.length) body.push(list(doc, model.best ? 'Other candidates' : 'Candidates', model.others));
  if (model.related.length) body.push(list(doc, 'Related articles', model.related));
  container.replaceChildren(
    head,
    ...(body.filter(Boolean) as Node[]),
    h(doc, 'div', { class: 'foot', text: 'KB Lens' }),
  );
}

/** What the bounce means: the reason, who has to act and the next step (all text via textContent). */
function bounce(doc: Document, b: BounceModel, actions: CardActions): HTMLElement {
  const facts: Child[] = [];
  const fact = (cls: string, term: string, value: string): void => {
    facts.push(h(doc, 'dt', { text: term }), h(doc, 'dd', { class: cls, text: value }));
  };
  if (b.recipient) fact('bounce-recipient', 'Recipient', b.recipient);
  if (b.delayed) fact('bounce-delayed', 'Status', 'Delayed: not failed yet, the server still retries');
  fact('bounce-who', 'Who must act', b.who);
  fact('bounce-next', 'Next step', b.next);
  const copy = h(doc, 'button', { class: 'button copy-bounce', text: 'Copy summary', attrs: { type: 'button' } });
  const status = h(doc, 'span', { class: 'status', attrs: { role: 'status', 'aria-live': 'polite' } });
  copy.addEventListener('click', () => actions.onCopy(b.summary, status));
  const attrs: Record<string, string> = { 'data-reason': b.reason };
  if (b.delayed) attrs['data-delayed'] = 'true';
  return h(doc, 'section', { class: 'bounce', attrs }, [
    h(doc, 'h2', { class: 'bounce-reason', text: b.label }),
    h(doc, 'p', { class: 'bounce-what', text: b.what }),
    h(doc, 'dl', {}, facts),
    h(doc, 'div', { class: 'actions' }, [copy, status]),
  ]);
}

function article(doc: Document, a: ArticleModel, actions: CardActions): HTMLElement {
  const facts: Child[] = [];
  const fact = (term: string, value: Child): void => {
    facts.push(h(doc, 'dt', { text: term }), h(doc, 'dd', {}, [value]));
  };
  if (a.products.length) fact('Products', a.products.join(', '));
  if (a.versions.length) fact('Affects', a.versions.join(', '));
  fact('Fix', a.fix);
  if (a.fixedFiles.length) {
    fact(
      'Fixed files',
      h(
        doc,
        'ul',
        { class: 'files' },
        a.fixedFiles.map((f) => h(doc, 'li', { text: f })),
      ),
    );
  }
  const status = h(doc, 'span', { class: 'status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const copy = h(doc, 'button', { class: 'button copy', text: 'Copy summary', attrs: { type: 'button' } });
  copy.addEventListener('click', () => actions.onCopy(a.summary, status));
  const low = a.confidence === 'low';
  const attrs: Record<string, string> = { 'data-q': a.q };
  if (a.confidence) attrs['data-confidence'] = a.confidence;
  return h(doc, 'section', { class: 'article', attrs }, [
    h(doc, 'div', { class: 'qline' }, [
      h(doc, 'span', { class: 'q', text: a.q }),
      a.verdict ? h(doc, 'span', { class: `verdict verdict-${a.verdict.state}`, text: a.verdict.label }) : null,
      low ? h(doc, 'span', { class: 'confidence', text: 'Low confidence' }) : null,
      a.lastModified ? h(doc, 'span', { class: 'date', text: a.lastModified }) : null,
    ]),
    h(doc, 'h2', { class: 'title', text: a.title }),
    // Thin evidence says why it is listed (a bounce's situation: the words the ticket describes it with).
    low && a.why ? h(doc, 'p', { class: 'why', text: a.why }) : null,
    a.verdict?.reason ? h(doc, 'p', { class: 'reason', text: a.verdict.reason }) : null,
    h(doc, 'dl', {}, facts),
    h(doc, 'div', { class: 'actions' }, [
      h(doc, 'a', {
        class: 'button primary open',
        text: 'Open full article',
        attrs: { href: a.url, target: '_blank', rel: 'noopener noreferrer' },
      }),
      copy,
      status,
    ]),
  ]);
}

function versions(doc: Document, rows: VersionRow[]): HTMLElement {
  return h(doc, 'section', { class: 'list versions' }, [
    h(doc, 'h3', { text: 'Versions in this ticket' }),
    h(
      doc,
      'ul',
      {},
      rows.map((r) =>
        h(doc, 'li', {}, [
          h(doc, 'span', { class: 'build', text: r.build }),
          h(doc, 'span', { class: 't', text: `is ${r.release}` }),
          r.newer ? h(doc, 'span', { class: 'newer', text: r.newer }) : null,
        ]),
      ),
    ),
  ]);
}

function list(doc: Document, heading: string, links: LinkModel[]): HTMLElement {
  return h(doc, 'section', { class: 'list' }, [
    h(doc, 'h3', { text: heading }),
    h(
      doc,
      'ul',
      {},
      links.map((l) =>
        h(doc, 'li', {}, [
          h(doc, 'a', {
            text: l.q,
            attrs: { href: l.url, target: '_blank', rel: 'noopener noreferrer', title: l.title ?? l.q },
          }),
          l.title ? h(doc, 'span', { class: 't', text: l.title }) : null,
        ]),
      ),
    ),
  ]);
}
