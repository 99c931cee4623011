import browser from 'webextension-polyfill';
import { useState } from 'preact/hooks';
import { ask } from '../messaging/send';
import { t } from '../ui/i18n';
import type { SiteView } from './hooks';

export function hostOf(pattern: string): string {
  const m = /^[^:]+:\/\/([^/]+)\//.exec(pattern);
  return m?.[1] ?? pattern;
}

/**
 * Whether KB Lens runs on this site, and the way to change it. Turning on needs the host
 * permission, which the browser grants only inside the click itself, so the request is the
 * first thing the handler does; the background is told afterwards.
 */
export function SiteBar(props: {
  site: SiteView;
  tabId: number | undefined;
  onChanged: (site: SiteView) => void;
  onScanned: () => void;
}) {
  const { site } = props;
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);

  const fail = (e: unknown) => {
    setBusy(false);
    setNotice({ text: t('actionFailed', (e as Error)?.message ?? String(e)), error: true });
  };

  if (site.kind === 'loading') return null;
  if (site.kind === 'unsupported')
    return (
      <p class="site-bar muted" data-site="unsupported">
        {t('siteUnsupported')}
      </p>
    );
  if (site.kind === 'unknown')
    return (
      <p class="site-bar muted" data-site="unknown">
        {t('siteUnknown')}
      </p>
    );

  const host = hostOf(site.pattern);

  if (site.kind === 'off') {
    const turnOn = () => {
      const pattern = site.pattern;
      // No await before this call: the user gesture must still be live.
      const granted = browser.permissions.request({ origins: [pattern] });
      setBusy(true);
      setNotice(null);
      granted
        .then(async (ok) => {
          if (!ok) {
            setBusy(false);
            setNotice({ text: t('permissionDenied', host), error: true });
            return;
          }
          const state = await ask({ type: 'site-enable', pattern });
          setBusy(false);
          props.onChanged(state);
          props.onScanned();
        })
        .catch(fail);
    };
    const scanOnce = () => {
      if (props.tabId === undefined) return;
      setBusy(true);
      setNotice(null);
      ask({ type: 'scan-once', tabId: props.tabId })
        .then((r) => {
          setBusy(false);
          if (r?.ok) {
            setNotice({ text: t('scannedOnce') });
            props.onScanned();
          } else setNotice({ text: t('scanFailed', r?.error ?? ''), error: true });
        })
        .catch(fail);
    };
    return (
      <section class="site-bar off" data-site="off" aria-label={t('siteOffHeading', host)}>
        <p>{t('siteOff', host)}</p>
        <div class="actions">
          <button type="button" class="primary" data-action="site-enable" disabled={busy} onClick={turnOn}>
            {t('turnOnFor', host)}
          </button>
          <button type="button" data-action="scan-once" disabled={busy || props.tabId === undefined} onClick={scanOnce}>
            {t('scanOnce')}
          </button>
        </div>
        {notice && (
          <p class={`notice${notice.error ? ' error' : ''}`} role="status">
            {notice.text}
          </p>
        )}
      </section>
    );
  }

  const turnOff = () => {
    const pattern = site.pattern;
    setBusy(true);
    setNotice(null);
    ask({ type: 'site-disable', pattern })
      .then(async (state) => {
        // The permission goes too, so "off" means the browser would refuse to run us there.
        await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
        setBusy(false);
        props.onChanged(state);
      })
      .catch(fail);
  };
  return (
    <section class="site-bar on" data-site="on">
      <span class="muted">{t('siteOn', host)}</span>
      {site.managed ? (
        <span class="badge locked" title={t('siteManagedHint')}>
          {t('siteManaged')}
        </span>
      ) : (
        <button type="button" class="link" data-action="site-disable" disabled={busy} onClick={turnOff}>
          {t('turnOff')}
        </button>
      )}
      {notice && (
        <p class={`notice${notice.error ? ' error' : ''}`} role="status">
          {notice.text}
        </p>
      )}
    </section>
  );
}
