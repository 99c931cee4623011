import browser from 'webextension-polyfill';
import { openLookupWindow } from './lookup-window';

const MENU_ID = 'kblens-lookup';

/** Menus persist across service-worker restarts; create them once per install/update. */
export function createContextMenu(): void {
  browser.contextMenus.create({
    id: MENU_ID,
    title: browser.i18n.getMessage('menuLookup') || 'Look up in KB Lens',
    contexts: ['selection'],
  });
}

export function onContextMenuClick(info: browser.Menus.OnClickData): void {
  if (info.menuItemId !== MENU_ID || !info.selectionText) return;
  void openLookupWindow(info.selectionText);
}
