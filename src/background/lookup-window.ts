import browser from 'webextension-polyfill';

/** The popup as a small window with the search filled in: what the context menu and omnibox open. */
export async function openLookupWindow(query: string): Promise<void> {
  const url = browser.runtime.getURL(`popup.html?search=${encodeURIComponent(query.trim().slice(0, 500))}`);
  await browser.windows.create({ url, type: 'popup', width: 420, height: 640 });
}
