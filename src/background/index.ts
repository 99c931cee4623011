import browser from 'webextension-polyfill';
import { handleMessage } from './router';
import { onPermissionsAdded, syncRegistration } from './sites';
import { createContextMenu, onContextMenuClick } from './context-menu';
import { onCommand } from './commands';
import { watchPolicy } from '../storage/policy-store';
import { watchCustomArticlesRevision } from '../storage/custom-articles';
import { customIndex, omnibox, tabState } from './services';
import { prepareSearchIfViewOpen } from './search-views';
import { indexFiles } from './index-files';

// Every listener is registered synchronously at the top level: the worker is started for an
// event and must have its listener in place before the first await.
// Every request reads the manifest and most read the mirror: both start with the first one, before
// its service is evaluated (not at every start: most starts are for tab events that read nothing).
browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  indexFiles.warm();
  return handleMessage(message, sender);
});

browser.runtime.onInstalled.addListener(() => {
  createContextMenu();
  void syncRegistration();
});
browser.runtime.onStartup.addListener(() => void syncRegistration());
// The user can revoke a site's access from the browser's own UI.
browser.permissions.onRemoved.addListener(() => void syncRegistration());
browser.permissions.onAdded.addListener((p) => void onPermissionsAdded(p));
watchPolicy(() => void syncRegistration(), { sitesOnly: true });

browser.tabs.onRemoved.addListener((tabId) => void tabState().then((t) => t.forgetTab(tabId)));
browser.tabs.onUpdated.addListener((tabId, change) => void tabState().then((t) => t.onTabUpdated(tabId, change)));
browser.contextMenus.onClicked.addListener(onContextMenuClick);
browser.omnibox.onInputChanged.addListener(
  (text, suggest) => void omnibox().then((o) => o.onOmniboxInput(text, suggest)),
);
browser.omnibox.onInputEntered.addListener(
  (text, disposition) => void omnibox().then((o) => o.onOmniboxEnter(text, disposition)),
);
browser.commands.onCommand.addListener((command) => void onCommand(command));
watchCustomArticlesRevision(() => void customIndex().then((c) => c.forgetCustomArticles()));
void prepareSearchIfViewOpen();
