import type { SearchHit } from '../messaging/protocol';
import { t } from '../ui/i18n';

export const RESULTS_LIST_ID = 'kbl-results';
export const resultOptionId = (i: number) => `kbl-result-${i}`;

export function SearchResults(props: {
  query: string;
  /** The query the shown results answer (the newest typed one may still be on its way). */
  answered?: string | undefined;
  results: SearchHit[] | null;
  error?: string | undefined;
  indexReady: boolean;
  activeIndex: number;
  onOpen: (q: string) => void;
  onHover: (i: number) => void;
}) {
  const { results } = props;
  return (
    <section class="results" aria-label={t('searchResults')} data-answered={props.answered}>
      {!props.indexReady && <p class="muted small">{t('searchWhileLoading')}</p>}
      {results === null ? (
        <p class="muted empty">{t('searching')}</p>
      ) : results.length === 0 ? (
        <p class="muted empty" role="status">
          {props.error ? t('searchFailed', props.error) : t('noResults', props.query)}
        </p>
      ) : (
        <>
          <p class="visually-hidden" role="status">
            {t('resultCount', results.length)}
          </p>
          <ul id={RESULTS_LIST_ID} role="listbox" aria-label={t('searchResults')} class="rows">
            {results.map((hit, i) => (
              <li
                key={hit.q}
                id={resultOptionId(i)}
                role="option"
                aria-selected={i === props.activeIndex}
                class={`row result${i === props.activeIndex ? ' active' : ''}`}
                data-q={hit.q}
                data-rank={i + 1}
                onClick={() => props.onOpen(hit.q)}
                onMouseMove={() => i !== props.activeIndex && props.onHover(i)}
              >
                <div class="row-head">
                  <span class="q">{hit.q}</span>
                  <span class="title">{hit.title}</span>
                </div>
                {hit.why && <div class="why muted">{hit.why}</div>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
