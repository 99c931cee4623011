import { effectiveSettings } from '../core/policy';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';
import { loadPolicy, watchPolicy } from '../storage/policy-store';
import { loadUserSettings, watchUserSettings } from '../storage/settings-store';

/**
 * The settings the page uses: the agent's (storage/settings-store.ts, bad values falling back key
 * by key) with an admin's policy (storage/policy-store.ts) winning key by key, exactly as the
 * options page shows them.
 */
export async function loadSettings(): Promise<Settings> {
  let user: Settings;
  try {
    user = await loadUserSettings();
  } catch {
    // Storage unavailable (context going away): the defaults still give a working page.
    user = structuredClone(DEFAULT_SETTINGS);
  }
  return effectiveSettings(user, await loadPolicy()).settings;
}

/** Calls back with the new settings whenever they or the policy change, in any tab or the options page. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const reload = () => void loadSettings().then(onChange);
  const unwatchUser = watchUserSettings(reload);
  const unwatchPolicy = watchPolicy(reload);
  return () => {
    unwatchUser();
    unwatchPolicy();
  };
}
