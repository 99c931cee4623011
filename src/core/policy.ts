import { MATCH_KINDS as KINDS, type MatchKind } from './match/kinds';
import { isSitePattern } from './match-pattern';
import { DEFAULT_SETTINGS, readSettings, type Settings, type SettingsProblem } from './settings';

/**
 * Settings as single keys ("kinds.q.color"), so an admin's policy and an imported file can set
 * some keys and leave the rest: policy wins key by key, and a bad key never spoils a good one.
 */

export type SettingPath = 'hoverDelayMs' | `kinds.${MatchKind}.enabled` | `kinds.${MatchKind}.color`;

export const SETTING_PATHS: readonly SettingPath[] = [
  ...KINDS.flatMap((k) => [`kinds.${k}.enabled`, `kinds.${k}.color`] as SettingPath[]),
  'hoverDelayMs',
];

export type SettingValue = boolean | string | number;

/** Valid values for the keys an input sets, and nothing for the keys it leaves out. */
export type SettingsPatch = Partial<Record<SettingPath, SettingValue>>;

export function getSetting(s: Settings, path: SettingPath): SettingValue {
  if (path === 'hoverDelayMs') return s.hoverDelayMs;
  const [, kind, field] = path.split('.') as [string, MatchKind, 'enabled' | 'color'];
  return s.kinds[kind][field];
}

function setSetting(s: Settings, path: SettingPath, value: SettingValue): void {
  if (path === 'hoverDelayMs') {
    s.hoverDelayMs = value as number;
    return;
  }
  const [, kind, field] = path.split('.') as [string, MatchKind, 'enabled' | 'color'];
  if (field === 'enabled') s.kinds[kind].enabled = value as boolean;
  else s.kinds[kind].color = value as string;
}

function presentIn(input: unknown, path: SettingPath): boolean {
  let node: unknown = input;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return node !== undefined;
}

/**
 * Reads the keys an untrusted object sets (validated by readSettings), and reports every bad or
 * unknown key by path. Unknown keys are reported because a misspelt key in a policy or a file
 * would otherwise be ignored without a word.
 */
export function readSettingsPatch(input: unknown): { patch: SettingsPatch; problems: SettingsProblem[] } {
  const { settings, problems } = readSettings(input);
  const patch: SettingsPatch = {};
  const bad = (path: string) => problems.some((p) => p.path === '' || path === p.path || path.startsWith(p.path + '.'));
  for (const path of SETTING_PATHS) {
    if (presentIn(input, path) && !bad(path)) patch[path] = getSetting(settings, path);
  }
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const obj = input as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      if (key !== 'kinds' && key !== 'hoverDelayMs') problems.push({ path: key, message: 'is not a setting' });
    }
    if (typeof obj.kinds === 'object' && obj.kinds !== null) {
      for (const [kind, value] of Object.entries(obj.kinds as Record<string, unknown>)) {
        if (!(KINDS as readonly string[]).includes(kind)) {
          problems.push({ path: `kinds.${kind}`, message: `is not a kind (${KINDS.join(', ')})` });
          continue;
        }
        if (typeof value === 'object' && value !== null) {
          for (const field of Object.keys(value)) {
            if (field !== 'enabled' && field !== 'color')
              problems.push({ path: `kinds.${kind}.${field}`, message: 'is not a setting' });
          }
        }
      }
    }
  }
  return { patch, problems };
}

export function applyPatch(base: Settings, patch: SettingsPatch): Settings {
  const out = structuredClone(base);
  for (const path of SETTING_PATHS) {
    const v = patch[path];
    if (v !== undefined) setSetting(out, path, v);
  }
  return out;
}

/** What an admin set through managed storage (public/managed-schema.json). */
export interface Policy {
  sites: string[];
  settings: SettingsPatch;
  /** Every setting is locked: the policy's value where it sets one, the default elsewhere. */
  lockSettings: boolean;
  /** Bad keys in the policy, for the options page to show; they are ignored, never applied. */
  problems: SettingsProblem[];
}

export const NO_POLICY: Policy = { sites: [], settings: {}, lockSettings: false, problems: [] };

export function readPolicy(managed: unknown): Policy {
  if (typeof managed !== 'object' || managed === null || Array.isArray(managed)) return NO_POLICY;
  const m = managed as Record<string, unknown>;
  const problems: SettingsProblem[] = [];
  const sites: string[] = [];
  if (Array.isArray(m.sites)) {
    // Each bad pattern is reported and dropped on its own; the others still apply.
    m.sites.forEach((site, i) => {
      if (isSitePattern(site)) sites.push(site);
      else
        problems.push({
          path: `sites[${i}]`,
          message: `not a site match pattern like https://acme.zendesk.com/*: ${JSON.stringify(site)?.slice(0, 80)}`,
        });
    });
  } else if (m.sites !== undefined) problems.push({ path: 'sites', message: 'must be a list of match patterns' });
  let settings: SettingsPatch = {};
  if (m.settings !== undefined) {
    const read = readSettingsPatch(m.settings);
    settings = read.patch;
    problems.push(...read.problems.map((p) => ({ ...p, path: p.path ? `settings.${p.path}` : 'settings' })));
  }
  let lockSettings = false;
  if (m.lockSettings !== undefined) {
    if (typeof m.lockSettings === 'boolean') lockSettings = m.lockSettings;
    else problems.push({ path: 'lockSettings', message: 'must be true or false' });
  }
  return { sites, settings, lockSettings, problems };
}

/**
 * The settings in force: the user's, with every key the policy sets replaced by the policy's
 * value and locked. With lockSettings, keys the policy leaves out are locked at their default, so
 * a locked install behaves the same for every agent.
 */
export function effectiveSettings(user: Settings, policy: Policy): { settings: Settings; locked: SettingPath[] } {
  const base = policy.lockSettings ? structuredClone(DEFAULT_SETTINGS) : user;
  const settings = applyPatch(base, policy.settings);
  const locked = policy.lockSettings
    ? [...SETTING_PATHS]
    : SETTING_PATHS.filter((p) => policy.settings[p] !== undefined);
  return { settings, locked };
}
