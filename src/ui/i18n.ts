import browser from 'webextension-polyfill';
import english from '../../public/_locales/en/messages.json';

/**
 * UI strings. The browser's own catalogue first (the user's language), then the English
 * catalogue bundled with the page: getMessage is missing in tests and returns "" for a key a
 * translation lacks, and a blank button is worse than an English one.
 */

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const EN = english as Catalogue;

export type MessageKey = keyof typeof english;

export function t(key: MessageKey, ...subs: Array<string | number>): string {
  const strings = subs.map(String);
  try {
    const localised = browser.i18n.getMessage(key, strings);
    if (localised) return localised;
  } catch {
    // No i18n API here (tests, a page opened outside the extension): use the bundled English.
  }
  return format(EN[key], strings) || key;
}

/** The chrome.i18n substitution rules: $name$ placeholders whose content is $1..$9, and $$ for "$". */
export function format(entry: Catalogue[string] | undefined, subs: string[]): string {
  if (!entry) return '';
  const sub = (s: string) => s.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  const placeholders = entry.placeholders ?? {};
  return entry.message
    .replace(/\$([a-z0-9_@]+)\$/gi, (m, name: string) => {
      const p = placeholders[name.toLowerCase()] ?? placeholders[name];
      return p ? sub(p.content) : m;
    })
    .replace(/\$\$/g, '$');
}
