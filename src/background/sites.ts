import browser from 'webextension-polyfill';
import { isSitePattern, matchesPattern, sitePatternFor } from '../core/match-pattern';
import type { SiteState } from '../messaging/protocol';
import { CONTENT_SCRIPT_FILE, HIGHLIGHT_CSS_FILE, LENS_SCRIPT_FILE } from './content-script-file';
import { PRESET_SITES } from '../core/preset-sites';
import { loadManagedSites } from '../storage/policy-store';
import { addUserSite, loadUserSites, removeUserSite } from '../storage/sites-store';

const SCRIPT_ID = 'kblens-content';
const STYLES_ID = 'kblens-styles';
/** 0.1.0 development builds registered a document_start script under this id; it is removed. */
const OLD_EARLY_SCRIPT_ID = 'kblens-early';

/**
 * The sites KB Lens runs on. The list is the user's choices (storage/sites-store.ts); the registered
 * content script is derived from it plus the preset and managed sites, and re-derived at every
 * change, install and browser start, so the two can never drift apart for long.
 */
export async function activeSites(): Promise<{ pattern: string; managed: boolean }[]> {
  const managed = await loadManagedSites();
  const all = new Map<string, boolean>();
  for (const p of [...PRESET_SITES, ...managed]) all.set(p, true);
  for (const p of await loadUserSites()) if (!all.has(p)) all.set(p, false);
  const granted: { pattern: string; managed: boolean }[] = [];
  for (const [pattern, isManaged] of all) {
    // A site whose permission was revoked (browser UI) is off, whatever the list says. A pattern
    // the browser refuses is off on its own: it must not take the other sites down with it.
    if (!isSitePattern(pattern)) continue;
    const ok = await browser.permissions.contains({ origins: [pattern] }).catch(() => false);
    if (ok) granted.push({ pattern, managed: isManaged });
  }
  return granted;
}

export async function syncRegistration(): Promise<void> {
  const matches = (await activeSites()).map((s) => s.pattern);
  const ids = [SCRIPT_ID, STYLES_ID, OLD_EARLY_SCRIPT_ID];
  const existing = new Set((await browser.scripting.getRegisteredContentScripts({ ids })).map((s) => s.id));
  if (existing.has(OLD_EARLY_SCRIPT_ID)) {
    await browser.scripting.unregisterContentScripts({ ids: [OLD_EARLY_SCRIPT_ID] });
    existing.delete(OLD_EARLY_SCRIPT_ID);
  }
  if (matches.length === 0) {
    if (existing.size) await browser.scripting.unregisterContentScripts({ ids: [...existing] });
    return;
  }
  const scripts = [
    { id: SCRIPT_ID, js: [CONTENT_SCRIPT_FILE], matches, allFrames: true, runAt: 'document_idle' as const },
    // The highlight styles, in place before the page renders and without a script (highlight-css.ts).
    { id: STYLES_ID, css: [HIGHLIGHT_CSS_FILE], matches, allFrames: true, runAt: 'document_start' as const },
  ];
  const update = scripts.filter((s) => existing.has(s.id));
  const add = scripts.filter((s) => !existing.has(s.id));
  if (update.length) await browser.scripting.updateContentScripts(update);
  if (add.length) await browser.scripting.registerContentScripts(add);
}

export async function siteState(url: string): Promise<SiteState> {
  const pattern = sitePatternFor(url);
  if (!pattern) return { kind: 'unsupported' };
  const on = (await activeSites()).find((s) => matchesPattern(url, s.pattern));
  return on ? { kind: 'on', pattern: on.pattern, managed: on.managed } : { kind: 'off', pattern };
}

/** The popup has already obtained the permission (it needs the click's user gesture). */
export async function enableSite(pattern: string): Promise<SiteState> {
  if (!isSitePattern(pattern)) throw new Error(`not a site match pattern: ${String(pattern).slice(0, 80)}`);
  await addUserSite(pattern);
  await syncRegistration();
  await injectIntoOpenTabs(pattern);
  return siteStateForPattern(pattern);
}

export async function disableSite(pattern: string): Promise<SiteState> {
  await removeUserSite(pattern);
  await syncRegistration();
  return siteStateForPattern(pattern);
}

async function siteStateForPattern(pattern: string): Promise<SiteState> {
  const on = (await activeSites()).find((s) => s.pattern === pattern);
  return on ? { kind: 'on', pattern, managed: on.managed } : { kind: 'off', pattern };
}

/** Turning a site on should work on the ticket already open, without a reload. */
async function injectIntoOpenTabs(pattern: string): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.filter((t) => t.id !== undefined && t.url && matchesPattern(t.url, pattern)).map((t) => injectInto(t.id!)),
  );
}

/**
 * Runs the full lens in a tab now (activeTab grant or site permission): the user asked for a scan,
 * so there is no point probing first. It guards against running twice, and stops a probe.
 */
export async function injectInto(tabId: number): Promise<{ ok: boolean; error?: string }> {
  try {
    await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [LENS_SCRIPT_FILE] });
    return { ok: true };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

/** The probe found a match in this frame: the full lens takes over there. */
export async function injectLens(
  tabId: number | undefined,
  frameId: number | undefined,
): Promise<{ ok: boolean; error?: string }> {
  if (tabId === undefined) return { ok: false, error: 'not a tab' };
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId ?? 0] }, files: [LENS_SCRIPT_FILE] });
    return { ok: true };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

/**
 * A host permission the user granted is the wish to turn KB Lens on there: the popup may close
 * when the browser shows its permission prompt (Firefox does) before it can say "site-enable".
 */
export async function onPermissionsAdded(added: { origins?: string[] }): Promise<void> {
  for (const origin of added.origins ?? []) {
    if (/^https?:\/\/[^/*]+\/\*$/.test(origin) || /^https?:\/\/\*\.[^/*]+\/\*$/.test(origin)) await enableSite(origin);
  }
}
