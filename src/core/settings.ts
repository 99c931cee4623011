import type { MatchKind } from './match/kinds';

/**
 * The user's settings: what is highlighted, how, and how fast the card opens. Stored in
 * storage.sync (so they follow the agent), overridden key by key by an admin's managed policy.
 */
export interface Settings {
  kinds: Record<MatchKind, { enabled: boolean; color: string }>;
  /** Milliseconds the pointer rests on a match before the card opens. */
  hoverDelayMs: number;
}

export const DEFAULT_SETTINGS: Settings = {
  kinds: {
    q: { enabled: true, color: '#fde68a' },
    ndr: { enabled: true, color: '#fecaca' },
    error: { enabled: true, color: '#bfdbfe' },
    build: { enabled: true, color: '#d9f99d' },
  },
  hoverDelayMs: 300,
};

export const HOVER_DELAY_RANGE = { min: 0, max: 3000 } as const;

export type SettingsProblem = { path: string; message: string };

/**
 * Reads settings from untrusted JSON (storage, an imported file, a policy): every valid key is
 * kept, every invalid one is reported by path and replaced by the default, so one bad value never
 * loses the others.
 */
export function readSettings(input: unknown): { settings: Settings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const settings: Settings = structuredClone(DEFAULT_SETTINGS);
  if (input === undefined || input === null) return { settings, problems };
  if (typeof input !== 'object' || Array.isArray(input)) {
    return { settings, problems: [{ path: '', message: 'settings must be an object' }] };
  }
  const obj = input as Record<string, unknown>;
  if (obj.kinds !== undefined) {
    if (typeof obj.kinds !== 'object' || obj.kinds === null) {
      problems.push({ path: 'kinds', message: 'must be an object' });
    } else {
      const kinds = obj.kinds as Record<string, unknown>;
      for (const kind of Object.keys(settings.kinds) as MatchKind[]) {
        const k = kinds[kind];
        if (k === undefined) continue;
        if (typeof k !== 'object' || k === null) {
          problems.push({ path: `kinds.${kind}`, message: 'must be an object' });
          continue;
        }
        const { enabled, color } = k as Record<string, unknown>;
        if (enabled !== undefined) {
          if (typeof enabled === 'boolean') settings.kinds[kind].enabled = enabled;
          else problems.push({ path: `kinds.${kind}.enabled`, message: 'must be true or false' });
        }
        if (color !== undefined) {
          if (typeof color === 'string' && /^#[0-9a-f]{6}$/i.test(color))
            settings.kinds[kind].color = color.toLowerCase();
          else problems.push({ path: `kinds.${kind}.color`, message: 'must be a colour like #fde68a' });
        }
      }
    }
  }
  if (obj.hoverDelayMs !== undefined) {
    const d = obj.hoverDelayMs;
    if (typeof d === 'number' && Number.isFinite(d) && d >= HOVER_DELAY_RANGE.min && d <= HOVER_DELAY_RANGE.max) {
      settings.hoverDelayMs = Math.round(d);
    } else {
      problems.push({
        path: 'hoverDelayMs',
        message: `must be a number from ${HOVER_DELAY_RANGE.min} to ${HOVER_DELAY_RANGE.max}`,
      });
    }
  }
  return { settings, problems };
}
