import type { MatchBrief, MatchKind, TabSummary } from '../messaging/protocol';
import { fixLine } from '../core/present/article-summary';
import { articleUrl } from '../core/kb-number';
import { KindBadge, LowConfidenceBadge, VerdictBadge } from '../ui/badges';
import { t } from '../ui/i18n';
import { ACTOR_LABEL, explainReason } from '../core/bounce/explanations';

type SummaryArticle = TabSummary['articles'][number];

/** What a bounce means for the agent: the reason, who must act and the next step. */
export function BounceLine({ match }: { match: MatchBrief }) {
  const e = match.kind === 'ndr' ? explainReason(match.reason, match.text) : null;
  if (!e) return null;
  return (
    <div class="bounce" data-reason={match.reason} data-delayed={match.delayed ? 'true' : undefined}>
      <div class="bounce-reason">{e.label}</div>
      {match.delayed && <div class="facts bounce-delayed">{t('bounceDelayed')}</div>}
      {match.recipient && (
        <div class="facts">
          <span class="label">{t('bounceRecipient')}</span> {match.recipient}
        </div>
      )}
      <div class="facts bounce-who">
        <span class="label">{t('bounceWho')}</span> {ACTOR_LABEL[e.who]}
      </div>
      <div class="facts bounce-next">
        <span class="label">{t('bounceNext')}</span> {e.next}
      </div>
    </div>
  );
}

/** One explanation per reason: the first NDR match of each reason among `matches`. */
function bounceReasons(matches: MatchBrief[]): MatchBrief[] {
  const seen = new Set<string>();
  return matches.filter((m) => {
    const key = `${m.reason}${m.delayed ? ' delayed' : ''}`;
    return m.kind === 'ndr' && m.reason && explainReason(m.reason) && !seen.has(key) && (seen.add(key), true);
  });
}

export const SUMMARY_LIST_ID = 'kbl-summary';
export const summaryOptionId = (i: number) => `kbl-summary-${i}`;

/** Kinds of an article's matches, the best match's first (matches come best first). */
export function kindsOf(matches: MatchBrief[]): MatchKind[] {
  return [...new Set(matches.map((m) => m.kind))];
}

function distinctTexts(matches: MatchBrief[]): string[] {
  // Page text keeps its line breaks and indents (an NDR quoted in a reply): one line each here.
  return [...new Set(matches.map((m) => m.text.replace(/\s+/g, ' ').trim()))];
}

export function SummaryView(props: {
  summary: TabSummary | null | undefined;
  activeIndex: number;
  onOpen: (q: string) => void;
  onHover: (i: number) => void;
}) {
  const { summary } = props;
  if (summary === undefined) return <p class="muted empty">{t('summaryLoading')}</p>;
  const versions = summary?.versions ?? [];
  if (!summary || (summary.articles.length === 0 && summary.unexplained.length === 0 && versions.length === 0)) {
    return <p class="muted empty">{t('summaryEmpty')}</p>;
  }
  return (
    <section class="summary" aria-label={t('summaryHeading')}>
      <h2 class="section-title">
        {t('summaryHeading')} <span class="muted">{t('summaryCount', summary.matchCount)}</span>
      </h2>
      {summary.articles.length > 0 && (
        <ul id={SUMMARY_LIST_ID} role="listbox" aria-label={t('summaryHeading')} class="rows">
          {summary.articles.map((a, i) => (
            <ArticleRow
              key={a.record.q}
              article={a}
              index={i}
              active={i === props.activeIndex}
              onOpen={props.onOpen}
              onHover={props.onHover}
            />
          ))}
        </ul>
      )}
      {versions.length > 0 && <VersionsInTicket versions={versions} />}
      {summary.unexplained.length > 0 && (
        <>
          <h3 class="section-title small">{t('unexplainedHeading')}</h3>
          <ul class="rows">
            {summary.unexplained.map((m, i) => (
              <li
                key={`${m.kind}:${m.value}:${i}`}
                class="row unexplained"
                data-kind={m.kind}
                data-kinds={m.kind}
                data-articles=""
              >
                <div class="row-head">
                  <KindBadge kind={m.kind} />
                  <span class="match-text">{m.text}</span>
                </div>
                <BounceLine match={m} />
                <div class="muted">
                  {m.kind === 'q' ? (
                    <a href={articleUrl(m.value)} target="_blank" rel="noopener noreferrer">
                      {t('notInIndexLink', m.value)}
                    </a>
                  ) : (
                    t('notExplained')
                  )}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Each build or file version the page quotes, the release it is, and what is newer. */
function VersionsInTicket(props: { versions: NonNullable<TabSummary['versions']> }) {
  return (
    <>
      <h3 class="section-title small">{t('versionsInTicket')}</h3>
      <ul class="rows versions">
        {props.versions.map((v, i) => (
          <li
            key={`${v.text}:${i}`}
            class="row version"
            data-kind="build"
            data-build={v.build}
            data-release={v.release}
          >
            <div class="row-head">
              <KindBadge kind="build" />
              <code class="match-text">{v.text.replace(/\s+/g, ' ').trim()}</code>
            </div>
            <div class="facts">
              <span class="label">{t('release')}</span> {v.release}
            </div>
            {v.newer.length > 0 && (
              <div class="facts muted">
                <span class="label">{t('newer')}</span> {v.newer.join(', ')}
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function ArticleRow(props: {
  article: SummaryArticle;
  index: number;
  active: boolean;
  onOpen: (q: string) => void;
  onHover: (i: number) => void;
}) {
  const { article, index } = props;
  const r = article.record;
  const kinds = kindsOf(article.matches);
  const texts = distinctTexts(article.matches);
  const shown = texts.slice(0, 3);
  return (
    <li
      id={summaryOptionId(index)}
      role="option"
      aria-selected={props.active}
      class={`row article${props.active ? ' active' : ''}`}
      data-kind={kinds[0] ?? 'q'}
      data-kinds={kinds.join(' ')}
      data-articles={r.q}
      data-source={article.source}
      onClick={() => props.onOpen(r.q)}
      onMouseMove={() => !props.active && props.onHover(index)}
    >
      <div class="row-head">
        <span class="q">{r.q}</span>
        <span class="title">{r.title}</span>
      </div>
      <div class="row-meta">
        {kinds.map((k) => (
          <KindBadge key={k} kind={k} />
        ))}
        {article.verdict && <VerdictBadge verdict={article.verdict} reason={article.verdictReason} />}
        {article.source === 'described' && (
          <span class="badge described" title={article.why} data-source="described">
            {t('fromTicketWords')}
          </span>
        )}
        {article.confidence === 'low' && <LowConfidenceBadge why={article.why} />}
      </div>
      <div class="matches">
        {shown.map((s) => (
          <code key={s} class="match-text">
            {s}
          </code>
        ))}
        {texts.length > shown.length && <span class="muted">{t('moreMatches', texts.length - shown.length)}</span>}
      </div>
      {(r.versions.length > 0 || r.products.length > 0) && (
        <div class="facts">
          <span class="label">{t('affects')}</span> {(r.versions.length ? r.versions : r.products).join(', ')}
        </div>
      )}
      <div class="facts">
        <span class="label">{t('fix')}</span> {fixLine(r)}
      </div>
      {article.verdictReason && <div class="facts muted">{article.verdictReason}</div>}
      {bounceReasons(article.matches).map((m) => (
        <BounceLine key={m.reason} match={m} />
      ))}
    </li>
  );
}
