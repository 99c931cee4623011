import browser from 'webextension-polyfill';
import { handleMessage } from './router';
import { onPermissionsAdded, syncRegistration } from './sites';
import { forgetTab, onTabUpdated } from './tab-state';
import { createContextMenu, onContextMenuClick } from './context-menu';
import { onOmniboxEnter, onOmniboxInput } from './omnibox';
import { onCommand } from './commands';
import { watchCustomArticles } from './custom-index';
import { watchPolicy } from '../storage/policy-store';
import { prepareSearchIfViewOpen } from './search-service';

// Every listener is registered synchronously at the top level: the worker is started for an
// event and must have its listener in place before the first await.
browser.runtime.onMessage.addListener(handleMessage);

browser.runtime.onInstalled.addListener(() => {
  createContextMenu();
  void syncRegistration();
});
browser.runtime.onStartup.addListener(() => void syncRegistration());
// The user can revoke a site's access from the browser's own UI.
browser.permissions.onRemoved.addListener(() => void syncRegistration());
browser.permissions.onAdded.addListener((p) => void onPermissionsAdded(p));
watchPolicy(() => void syncRegistration(), { sitesOnly: true });

browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
browser.tabs.onUpdated.addListener((tabId, change) => void onTabUpdated(tabId, change));
browser.contextMenus.onClicked.addListener(onContextMenuClick);
browser.omnibox.onInputChanged.addListener((text, suggest) => void onOmniboxInput(text, suggest));
browser.omnibox.onInputEntered.addListener((text, disposition) => void onOmniboxEnter(text, disposition));
browser.commands.onCommand.addListener((command) => void onCommand(command));
watchCustomArticles();
void prepareSearchIfViewOpen();
