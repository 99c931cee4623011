import { useState } from 'preact/hooks';
import type { Settings, SettingsProblem } from '../core/settings';
import { readSettingsPatch, type SettingsPatch } from '../core/policy';
import { t } from '../ui/i18n';

/**
 * Reads a settings file: the exported shape ({"settings": {...}}) or a bare settings object.
 * Returns the keys that are good and every bad one by path.
 */
export function readSettingsFile(text: string): { patch: SettingsPatch; problems: SettingsProblem[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { patch: {}, problems: [{ path: '', message: `not JSON: ${(e as Error).message}` }] };
  }
  if (typeof json === 'object' && json !== null && !Array.isArray(json) && 'settings' in json) {
    const { settings, ...rest } = json as Record<string, unknown>;
    const read = readSettingsPatch(settings);
    const problems = read.problems.map((p) => ({ ...p, path: p.path ? `settings.${p.path}` : 'settings' }));
    for (const key of Object.keys(rest))
      if (key !== 'kblens' && key !== 'exportedAt') problems.push({ path: key, message: 'is not a setting' });
    return { patch: read.patch, problems };
  }
  return readSettingsPatch(json);
}

export function exportJson(settings: Settings): string {
  return JSON.stringify({ kblens: 'settings', exportedAt: new Date().toISOString(), settings }, null, 2) + '\n';
}

export function TransferSection(props: {
  settings: Settings;
  /** Applies the good keys of an imported file; returns the keys actually changed (policy-locked ones are not). */
  onImport: (patch: SettingsPatch) => Promise<string[]>;
}) {
  const [result, setResult] = useState<{ applied: string[]; ignored: string[]; problems: SettingsProblem[] } | null>(
    null,
  );

  const download = () => {
    const blob = new Blob([exportJson(props.settings)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'kblens-settings.json';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const { patch, problems } = readSettingsFile(await file.text());
    const applied = await props.onImport(patch);
    setResult({ applied, ignored: Object.keys(patch).filter((k) => !applied.includes(k)), problems });
    input.value = '';
  };

  return (
    <section class="card" aria-labelledby="transfer-h">
      <h2 id="transfer-h">{t('transferHeading')}</h2>
      <p class="muted">{t('transferHelp')}</p>
      <div class="inline">
        <button type="button" data-action="export-settings" onClick={download}>
          {t('exportSettings')}
        </button>
        <label class="file-button">
          {t('importSettings')}
          <input type="file" accept="application/json,.json" data-input="import-settings" onChange={onFile} />
        </label>
      </div>
      {result && (
        <div class="import-result" data-result="settings-import" role="status">
          <p>{t('settingsImported', result.applied.length)}</p>
          {result.ignored.length > 0 && <p class="muted">{t('settingsIgnoredLocked', result.ignored.join(', '))}</p>}
          {result.problems.length > 0 && (
            <>
              <p class="error-text">{t('settingsProblems', result.problems.length)}</p>
              <ul class="problems">
                {result.problems.map((p) => (
                  <li key={p.path} data-path={p.path}>
                    <code>{p.path || t('wholeFile')}</code>: {p.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
