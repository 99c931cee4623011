import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { ask } from '../messaging/send';
import { sitePatternFor } from '../core/match-pattern';
import { LockedNote } from '../ui/badges';
import { t } from '../ui/i18n';
import { loadUserSites } from '../storage/sites-store';

export type SiteSource = 'preset' | 'managed' | 'user' | 'permission';

export interface SiteRow {
  pattern: string;
  source: SiteSource;
  /** The browser has granted the host permission (without it the site is off, whatever the list says). */
  granted: boolean;
}

const PATTERN = /^(https?|\*):\/\/(\*|\*\.[^/*]+|[^/*]+)\/.*$/;

/**
 * What the agent typed, as a match pattern: a pattern as is, a page address or a bare host as
 * its whole site. Null when it is none of these.
 */
export function toPattern(input: string): string | null {
  const s = input.trim();
  if (!s) return null;
  // A pattern without a wildcard would cover one exact page: an address typed there means its site.
  if (PATTERN.test(s) && s.includes('*')) return s;
  if (/^https?:\/\//i.test(s)) return sitePatternFor(s);
  if (/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d+)?$/i.test(s)) return `https://${s.replace(/:\d+$/, '')}/*`;
  return null;
}

export async function loadSites(preset: readonly string[], managed: readonly string[]): Promise<SiteRow[]> {
  const [all, user] = await Promise.all([browser.permissions.getAll(), loadUserSites()]);
  const origins = new Set((all.origins ?? []).filter((o) => o !== '<all_urls>'));
  const rows = new Map<string, SiteRow>();
  const add = (pattern: string, source: SiteSource) => {
    if (!rows.has(pattern)) rows.set(pattern, { pattern, source, granted: origins.has(pattern) });
  };
  preset.forEach((p) => add(p, 'preset'));
  managed.forEach((p) => add(p, 'managed'));
  user.forEach((p) => add(p, 'user'));
  // Granted by other means (an earlier version, the browser's own site access menu).
  origins.forEach((p) => add(p, 'permission'));
  return [...rows.values()].sort((a, b) => a.pattern.localeCompare(b.pattern));
}

export function SitesSection(props: { preset: readonly string[]; managed: readonly string[] }) {
  const [rows, setRows] = useState<SiteRow[] | null>(null);
  const [draft, setDraft] = useState('');
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const reload = () =>
    loadSites(props.preset, props.managed).then(setRows, (e: unknown) => {
      setRows([]);
      setMessage({ text: t('actionFailed', (e as Error)?.message ?? String(e)), error: true });
    });
  useEffect(() => void reload(), [props.preset.join(' '), props.managed.join(' ')]);

  const enable = (pattern: string) => {
    // First thing in the gesture: the browser only asks the user inside it.
    const request = browser.permissions.request({ origins: [pattern] });
    setMessage(null);
    request
      .then(async (granted) => {
        if (!granted) {
          setMessage({ text: t('permissionDenied', pattern), error: true });
          return;
        }
        await ask({ type: 'site-enable', pattern });
        setDraft('');
        setMessage({ text: t('siteAdded', pattern) });
        await reload();
      })
      .catch((e: unknown) => setMessage({ text: t('actionFailed', (e as Error)?.message ?? String(e)), error: true }));
  };

  const onAdd = (e: Event) => {
    e.preventDefault();
    const pattern = toPattern(draft);
    if (!pattern) {
      setMessage({ text: t('badPattern', draft), error: true });
      return;
    }
    enable(pattern);
  };

  const remove = async (pattern: string) => {
    setMessage(null);
    try {
      await ask({ type: 'site-disable', pattern });
      await browser.permissions.remove({ origins: [pattern] });
      setMessage({ text: t('siteRemoved', pattern) });
    } catch (e) {
      setMessage({ text: t('actionFailed', (e as Error)?.message ?? String(e)), error: true });
    }
    await reload();
  };

  return (
    <section class="card" aria-labelledby="sites-h">
      <h2 id="sites-h">{t('sitesHeading')}</h2>
      <p class="muted">{t('sitesHelp')}</p>
      {rows === null ? (
        <p class="muted">{t('loading')}</p>
      ) : rows.length === 0 ? (
        <p class="muted" data-sites="empty">
          {t('sitesEmpty')}
        </p>
      ) : (
        <ul class="site-list">
          {rows.map((row) => (
            <li key={row.pattern} data-site={row.pattern} data-source={row.source} data-granted={String(row.granted)}>
              <code>{row.pattern}</code>
              {row.source === 'preset' && <span class="badge locked">{t('sitePreset')}</span>}
              {row.source === 'managed' && <LockedNote />}
              {!row.granted && <span class="badge verdict-unknown">{t('siteNoPermission')}</span>}
              <span class="spacer" />
              {!row.granted && row.source !== 'permission' && (
                <button type="button" onClick={() => enable(row.pattern)}>
                  {t('grant')}
                </button>
              )}
              {(row.source === 'user' || row.source === 'permission') && (
                <button type="button" data-action="remove-site" onClick={() => void remove(row.pattern)}>
                  {t('remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form class="inline" onSubmit={onAdd}>
        <label for="site-add">{t('addSiteLabel')}</label>
        <input
          id="site-add"
          type="text"
          value={draft}
          placeholder="https://acme.zendesk.com/*"
          onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" class="primary">
          {t('addSite')}
        </button>
      </form>
      {message && (
        <p class={`notice${message.error ? ' error' : ''}`} role="status">
          {message.text}
        </p>
      )}
    </section>
  );
}
