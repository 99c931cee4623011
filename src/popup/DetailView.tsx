import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ask } from '../messaging/send';
import type { ArticleView } from '../messaging/protocol';
import { MAX_ARTICLES_ASKED } from '../messaging/limits';
import type { ArticleRecord, Fix, FixKind } from '../core/article/types';
import { articleSummary } from '../core/present/article-summary';
import { articleUrl, safeArticleUrl } from '../core/kb-number';
import { VerdictBadge, verdictLabel } from '../ui/badges';
import { t } from '../ui/i18n';

/**
 * Articles already shown, with their related articles by number (for the titles), shared by the
 * views so going back never asks again.
 */
export type ArticleCache = Map<string, DetailData>;
interface DetailData {
  view: ArticleView;
  related: Map<string, ArticleView>;
}

function fixKindLabel(kind: FixKind): string {
  switch (kind) {
    case 'service-pack':
      return t('fixKindServicePack');
    case 'hotfix':
      return t('fixKindHotfix');
    case 'upgrade':
      return t('fixKindUpgrade');
    case 'workaround-only':
      return t('fixKindWorkaround');
    case 'other':
      return t('fixKindOther');
    default:
      return t('fixKindNone');
  }
}

function fixText(f: Fix): string {
  const parts = [f.text];
  if (f.hotfix && !/hotfix/i.test(f.text)) parts.push(t('hotfixSuffix'));
  return parts.join(' ');
}

export function verdictSentence(view: ArticleView): string | undefined {
  if (!view.verdict) return undefined;
  return view.verdictReason ? `${verdictLabel(view.verdict)} (${view.verdictReason})` : verdictLabel(view.verdict);
}

export function DetailView(props: {
  q: string;
  tabId: number | undefined;
  cache: ArticleCache;
  onOpen: (q: string) => void;
  onBack: () => void;
  canGoBack: boolean;
}) {
  const { q, cache } = props;
  const [data, setData] = useState<DetailData | null | undefined>(cache.get(q));
  const [copied, setCopied] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let alive = true;
    setCopied(null);
    const known = cache.get(q);
    setData(known);
    if (known === undefined) {
      // One request and one ranking: the article judged against the tab, and its related
      // articles' records (for their titles) in the same answer.
      ask({ type: 'articles', qs: [q], tabId: props.tabId, related: MAX_ARTICLES_ASKED }).then(
        (r) => {
          const view = r?.articles.find((a) => a.record.q === q);
          const found = view ? { view, related: new Map((r?.related ?? []).map((a) => [a.record.q, a])) } : null;
          // A miss is not cached: the index may still be loading.
          if (found) cache.set(q, found);
          if (alive) setData(found);
        },
        () => alive && setData(null),
      );
    }
    return () => void (alive = false);
  }, [q]);

  useEffect(() => {
    heading.current?.focus();
  }, [q, data === undefined]);

  const back = props.canGoBack && (
    <button type="button" class="back" data-action="back" onClick={props.onBack} aria-label={t('back')}>
      ← {t('back')}
    </button>
  );

  if (data === undefined) {
    return (
      <article class="detail" data-q={q} aria-busy="true">
        {back}
        <h2 ref={heading} tabIndex={-1}>
          {q}
        </h2>
        <p class="muted">{t('loadingArticle')}</p>
      </article>
    );
  }
  if (data === null) {
    return (
      <article class="detail" data-q={q}>
        {back}
        <h2 ref={heading} tabIndex={-1}>
          {q}
        </h2>
        <p>{t('articleNotInIndex', q)}</p>
        <a href={articleUrl(q)} target="_blank" rel="noopener noreferrer" data-action="open-full">
          {t('openFullArticle')}
        </a>
      </article>
    );
  }

  const { view, related } = data;
  const r: ArticleRecord = view.record;
  const relatedQs = r.related;
  const copy = async () => {
    const text = articleSummary(r, { verdict: verdictSentence(view) });
    try {
      await navigator.clipboard.writeText(text);
      setCopied(t('copied'));
    } catch {
      setCopied(t('copyFailed'));
    }
  };
  const files = r.files;
  const errors = r.errors;

  return (
    <article class="detail" data-q={r.q}>
      {back}
      <h2 ref={heading} tabIndex={-1}>
        <span class="q">{r.q}</span> <span class="title">{r.title}</span>
      </h2>
      {view.verdict && (
        <p class="verdict">
          <VerdictBadge verdict={view.verdict} reason={view.verdictReason} />{' '}
          {view.verdictReason && <span class="muted">{view.verdictReason}</span>}
        </p>
      )}
      <div class="detail-actions">
        <a
          class="button"
          href={safeArticleUrl(r.url, r.q)}
          target="_blank"
          rel="noopener noreferrer"
          data-action="open-full"
        >
          {t('openFullArticle')}
        </a>
        <button type="button" data-action="copy-summary" onClick={copy}>
          {t('copySummary')}
        </button>
        <span role="status" class="muted">
          {copied ?? ''}
        </span>
      </div>
      <dl class="fields">
        {r.products.length > 0 && (
          <Field name="products" label={t('products')}>
            {r.products.join(', ')}
          </Field>
        )}
        <Field name="versions" label={t('affectedVersions')}>
          {r.versions.length ? r.versions.join(', ') : <span class="muted">{r.versionsRaw || t('noneStated')}</span>}
        </Field>
        <Field name="fix" label={t('fixHeading')}>
          <span class="fix-kind" data-fix-kind={r.fixKind}>
            {fixKindLabel(r.fixKind)}
          </span>
          {r.fixedIn && (
            <>
              : <span class="fixed-in">{r.fixedIn}</span>
            </>
          )}
          {r.fixes.length > 1 && (
            <ul class="plain">
              {r.fixes.map((f, i) => (
                <li key={i}>{fixText(f)}</li>
              ))}
            </ul>
          )}
        </Field>
        {files.length > 0 && (
          <Field name="files" label={t('fixedFiles')}>
            <table class="files">
              <tbody>
                {files.map((f, i) => (
                  <tr key={`${f.name}:${i}`}>
                    <td>{f.name}</td>
                    <td>{f.version ?? <span class="muted">—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Field>
        )}
        {errors.length > 0 && (
          <Field name="errors" label={t('explains')}>
            <ul class="plain messages">
              {errors.map((e, i) => (
                <li key={i} data-kind={e.kind}>
                  <code>{e.text}</code>
                </li>
              ))}
            </ul>
          </Field>
        )}
        {r.os.length > 0 && (
          <Field name="os" label={t('operatingSystems')}>
            {r.os.join(', ')}
          </Field>
        )}
        {r.lastModified && (
          <Field name="last-modified" label={t('lastModified')}>
            {r.lastModified}
          </Field>
        )}
      </dl>
      {relatedQs.length > 0 && (
        <section class="related" aria-label={t('relatedArticles')}>
          <h3 class="section-title small">{t('relatedArticles')}</h3>
          <ul class="plain">
            {relatedQs.map((rq) => {
              const known = related.get(rq);
              return (
                <li key={rq}>
                  <button type="button" class="link" data-related={rq} onClick={() => props.onOpen(rq)}>
                    {rq}
                  </button>{' '}
                  <span class={known ? '' : 'muted'}>{known ? known.record.title : t('notInIndexShort')}</span>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </article>
  );
}

function Field(props: { name: string; label: string; children: ComponentChildren }) {
  return (
    <div class="field" data-field={props.name}>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}
