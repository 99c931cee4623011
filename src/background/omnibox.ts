import browser from 'webextension-polyfill';
import { parseKbNumber, articleUrl } from '../core/kb-number';
import { searchAll } from './search-service';

/** Typing "kb <words>" in the address bar suggests articles; Enter opens the article or the search. */
export async function onOmniboxInput(
  text: string,
  suggest: (s: browser.Omnibox.SuggestResult[]) => void,
): Promise<void> {
  const hits = (await searchAll(text, 6)).slice(0, 6);
  suggest(hits.map((h) => ({ content: h.q, description: escapeOmnibox(`${h.q}: ${h.title}`) })));
}

export async function onOmniboxEnter(
  text: string,
  disposition: browser.Omnibox.OnInputEnteredDisposition,
): Promise<void> {
  const q = parseKbNumber(text);
  if (!q) {
    const { openLookupWindow } = await import('./lookup-window');
    return openLookupWindow(text);
  }
  const url = articleUrl(q);
  if (disposition === 'currentTab') await browser.tabs.update({ url });
  else await browser.tabs.create({ url, active: disposition === 'newForegroundTab' });
}

/** Chrome parses suggestion descriptions as XML, and about 900 archive titles contain "&" or "<". */
function escapeOmnibox(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
