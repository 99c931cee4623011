import { MATCH_KINDS, type MatchKind } from '../core/match/kinds';
import { HOVER_DELAY_RANGE, type Settings } from '../core/settings';
import type { SettingPath } from '../core/policy';
import { kindLabel, LockedNote } from '../ui/badges';
import { t } from '../ui/i18n';

const KINDS = MATCH_KINDS;

/** What to highlight, in which colour, and how long the pointer rests before the card opens. */
export function HighlightSection(props: {
  settings: Settings;
  locked: ReadonlySet<SettingPath>;
  onChange: (next: Settings) => void;
  status: string | null;
}) {
  const { settings, locked } = props;
  const setKind = (kind: MatchKind, patch: Partial<Settings['kinds'][MatchKind]>) =>
    props.onChange({ ...settings, kinds: { ...settings.kinds, [kind]: { ...settings.kinds[kind], ...patch } } });

  return (
    <section class="card" aria-labelledby="hl-h">
      <h2 id="hl-h">{t('highlightHeading')}</h2>
      <table class="kinds">
        <tbody>
          {KINDS.map((kind) => {
            const enabledLocked = locked.has(`kinds.${kind}.enabled`);
            const colorLocked = locked.has(`kinds.${kind}.color`);
            return (
              <tr key={kind} data-kind={kind}>
                <td>
                  <label>
                    <input
                      type="checkbox"
                      name={`kinds.${kind}.enabled`}
                      checked={settings.kinds[kind].enabled}
                      disabled={enabledLocked}
                      onChange={(e) => setKind(kind, { enabled: (e.currentTarget as HTMLInputElement).checked })}
                    />{' '}
                    {t('highlightKind', kindLabel(kind))}
                  </label>
                  {enabledLocked && <LockedNote />}
                </td>
                <td>
                  <label>
                    <span class="visually-hidden">{t('colourFor', kindLabel(kind))}</span>
                    <input
                      type="color"
                      name={`kinds.${kind}.color`}
                      value={settings.kinds[kind].color}
                      disabled={colorLocked}
                      onChange={(e) => setKind(kind, { color: (e.currentTarget as HTMLInputElement).value })}
                    />
                  </label>
                  {colorLocked && <LockedNote />}
                </td>
                <td>
                  <mark class="sample" style={{ backgroundColor: settings.kinds[kind].color }}>
                    {kind === 'q'
                      ? 'Q227142'
                      : kind === 'ndr'
                        ? '5.1.1 User unknown'
                        : kind === 'build'
                          ? 'Store.exe 5.5.2448.0'
                          : 'Error 1722'}
                  </mark>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>
        <label for="hover-delay">{t('hoverDelay')}</label>{' '}
        <input
          id="hover-delay"
          name="hoverDelayMs"
          type="number"
          min={HOVER_DELAY_RANGE.min}
          max={HOVER_DELAY_RANGE.max}
          step={50}
          value={settings.hoverDelayMs}
          disabled={locked.has('hoverDelayMs')}
          onChange={(e) => {
            const n = Number((e.currentTarget as HTMLInputElement).value);
            if (Number.isFinite(n)) {
              props.onChange({
                ...settings,
                hoverDelayMs: Math.round(Math.min(HOVER_DELAY_RANGE.max, Math.max(HOVER_DELAY_RANGE.min, n))),
              });
            }
          }}
        />{' '}
        <span class="muted">{t('milliseconds')}</span>
        {locked.has('hoverDelayMs') && <LockedNote />}
      </p>
      <p class="muted" role="status">
        {props.status ?? ''}
      </p>
    </section>
  );
}
