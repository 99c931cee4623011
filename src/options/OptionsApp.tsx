import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Settings } from '../core/settings';
import {
  applyPatch,
  effectiveSettings,
  getSetting,
  NO_POLICY,
  SETTING_PATHS,
  type Policy,
  type SettingPath,
  type SettingsPatch,
} from '../core/policy';
import type { CustomArticleStore } from '../storage/custom-articles';
import type { ParseArticle } from '../ui/import-articles';
import { t } from '../ui/i18n';
import { loadUserSettings, saveUserSettings, watchUserSettings } from '../storage/settings-store';
import { loadPolicy, watchPolicy } from '../storage/policy-store';
import { SitesSection } from './SitesSection';
import { HighlightSection } from './HighlightSection';
import { TransferSection } from './TransferSection';
import { CustomArticlesSection } from './CustomArticlesSection';

export interface OptionsProps {
  store: CustomArticleStore;
  parse: ParseArticle;
  /** Sites the package was built for (KBLENS_SITES). */
  presetSites: readonly string[];
}

/**
 * The options page. The controls show the settings in force (the user's, with the admin's policy
 * on top); a change is saved to the user's own layer in storage.sync, never over the policy.
 */
export function OptionsApp(props: OptionsProps) {
  const [user, setUser] = useState<Settings | null>(null);
  const [policy, setPolicy] = useState<Policy>(NO_POLICY);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    Promise.all([loadUserSettings(), loadPolicy()]).then(([u, p]) => {
      if (!alive) return;
      setUser(u);
      setPolicy(p);
    });
    // Another device (sync) or another options tab changed them.
    const unwatchUser = watchUserSettings(() => void loadUserSettings().then((u) => alive && setUser(u)));
    const unwatchPolicy = watchPolicy(() => void loadPolicy().then((p) => alive && setPolicy(p)));
    return () => {
      alive = false;
      unwatchUser();
      unwatchPolicy();
    };
  }, []);

  const effective = useMemo(() => (user ? effectiveSettings(user, policy) : null), [user, policy]);
  const locked = useMemo(() => new Set<SettingPath>(effective?.locked ?? []), [effective]);

  const save = async (nextUser: Settings) => {
    setUser(nextUser);
    try {
      await saveUserSettings(nextUser);
      setStatus(t('saved'));
    } catch (e) {
      setStatus(t('saveFailed', (e as Error)?.message ?? String(e)));
    }
  };

  /** A change from the controls: only unlocked keys reach the user's layer. */
  const onChange = (next: Settings) => {
    if (!user) return;
    const patch: SettingsPatch = {};
    for (const path of SETTING_PATHS) {
      if (locked.has(path)) continue;
      patch[path] = getSetting(next, path);
    }
    void save(applyPatch(user, patch));
  };

  const onImport = async (patch: SettingsPatch): Promise<string[]> => {
    if (!user) return [];
    const allowed: SettingsPatch = {};
    for (const [path, value] of Object.entries(patch) as [SettingPath, SettingsPatch[SettingPath]][]) {
      if (!locked.has(path) && value !== undefined) allowed[path] = value;
    }
    const keys = Object.keys(allowed);
    if (keys.length) await save(applyPatch(user, allowed));
    return keys;
  };

  return (
    <main class="options">
      <header>
        <h1>{t('optionsTitle')}</h1>
        {(policy.lockSettings || locked.size > 0 || policy.sites.length > 0) && (
          <p class="notice">{t('managedNotice')}</p>
        )}
        {policy.problems.length > 0 && (
          <p class="notice error">
            {t('policyProblems', policy.problems.map((p) => `${p.path}: ${p.message}`).join('; '))}
          </p>
        )}
      </header>
      <SitesSection preset={props.presetSites} managed={policy.sites} />
      {effective ? (
        <>
          <HighlightSection settings={effective.settings} locked={locked} onChange={onChange} status={status} />
          {/* The user's own layer: a policy is the admin's, not part of a personal settings file. */}
          <TransferSection settings={user!} onImport={onImport} />
        </>
      ) : (
        <p class="muted">{t('loading')}</p>
      )}
      <CustomArticlesSection store={props.store} parse={props.parse} />
    </main>
  );
}
