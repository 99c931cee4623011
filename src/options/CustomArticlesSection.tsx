import { useEffect, useState } from 'preact/hooks';
import type { ParseIssue } from '../core/article/types';
import {
  bumpCustomArticlesRevision,
  CHANGE_CHANNEL,
  type CustomArticle,
  type CustomArticleStore,
} from '../storage/custom-articles';
import { fromFile, importArticles, type ImportReport, type ParseArticle } from '../ui/import-articles';
import { t } from '../ui/i18n';

/** Tells the background its custom articles changed: now if it is awake, at start-up otherwise. */
async function announceChange(): Promise<void> {
  try {
    const channel = new BroadcastChannel(CHANGE_CHANNEL);
    channel.postMessage({ type: 'custom-articles-changed' });
    channel.close();
  } catch {
    // No BroadcastChannel: the revision below is enough.
  }
  await bumpCustomArticlesRevision();
}

function issueText(i: ParseIssue): string {
  return i.line > 0 ? `${i.file}:${i.line}: ${i.message}` : `${i.file}: ${i.message}`;
}

/** The team's own articles: import a folder, a .zip or single files; list; remove. */
export function CustomArticlesSection(props: { store: CustomArticleStore; parse: ParseArticle }) {
  const { store } = props;
  const [list, setList] = useState<CustomArticle[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = () =>
    store.list().then(setList, (e: unknown) => {
      setList([]);
      setError(t('storeFailed', (e as Error)?.message ?? String(e)));
    });
  useEffect(() => void reload(), [store]);

  const onPick = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const files = [...(input.files ?? [])];
    if (!files.length) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const result = await importArticles(files.map(fromFile), props.parse);
      if (result.articles.length) {
        await store.putMany(result.articles);
        await announceChange();
      }
      setReport(result);
      await reload();
    } catch (err) {
      setError(t('storeFailed', (err as Error)?.message ?? String(err)));
    } finally {
      setBusy(false);
      input.value = '';
    }
  };

  const remove = async (q: string) => {
    await store.remove(q);
    await announceChange();
    await reload();
  };
  const removeAll = async () => {
    if (!confirm(t('removeAllConfirm'))) return;
    await store.clear();
    await announceChange();
    await reload();
  };

  return (
    <section class="card" aria-labelledby="custom-h">
      <h2 id="custom-h">{t('customHeading')}</h2>
      <p class="muted">{t('customHelp')}</p>
      <div class="inline">
        <label class="file-button">
          {t('importFolder')}
          <input
            type="file"
            data-input="import-folder"
            {...{ webkitdirectory: true }}
            multiple
            disabled={busy}
            onChange={onPick}
          />
        </label>
        <label class="file-button">
          {t('importFiles')}
          <input
            type="file"
            data-input="import-files"
            multiple
            accept=".md,.markdown,.txt,.zip,application/zip,text/markdown,text/plain"
            disabled={busy}
            onChange={onPick}
          />
        </label>
        {busy && (
          <span class="muted" role="status">
            {t('importing')}
          </span>
        )}
      </div>
      {error && (
        <p class="notice error" role="alert">
          {error}
        </p>
      )}
      {report && (
        <div class="import-result" data-result="articles-import" role="status">
          <p>{t('importedCount', report.articles.length)}</p>
          {report.failures.length > 0 && (
            <>
              <p class="error-text">{t('importFailures', report.failures.length)}</p>
              <ul class="problems" data-list="failures">
                {report.failures.map((f, i) => (
                  <li key={i} data-file={f.file}>
                    {issueText(f)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {report.warnings.length > 0 && (
            <details>
              <summary>{t('importWarnings', report.warnings.length)}</summary>
              <ul class="problems">
                {report.warnings.map((w, i) => (
                  <li key={i}>{issueText(w)}</li>
                ))}
              </ul>
            </details>
          )}
          {report.skipped.length > 0 && (
            <details>
              <summary>{t('importSkipped', report.skipped.length)}</summary>
              <ul class="problems">
                {report.skipped.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
      {list === null ? (
        <p class="muted">{t('loading')}</p>
      ) : list.length === 0 ? (
        <p class="muted" data-custom="empty">
          {t('customEmpty')}
        </p>
      ) : (
        <>
          <table class="custom-list">
            <thead>
              <tr>
                <th>{t('article')}</th>
                <th>{t('titleColumn')}</th>
                <th>{t('sourceColumn')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.map((a) => (
                <tr key={a.q} data-q={a.q}>
                  <td>{a.q}</td>
                  <td>{a.record.title}</td>
                  <td class="muted">{a.source}</td>
                  <td>
                    <button
                      type="button"
                      data-action="remove-article"
                      onClick={() => void remove(a.q)}
                      aria-label={t('removeArticle', a.q)}
                    >
                      {t('remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <button type="button" onClick={() => void removeAll()}>
              {t('removeAll')}
            </button>
          </p>
        </>
      )}
    </section>
  );
}
