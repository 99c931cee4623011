import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { App } from './App';

// popup.html?tab=N is the popped-out copy (its own window, or a normal tab in tests): it stays on
// tab N. Without it, this is the action popup, about the active tab.
const param = new URLSearchParams(location.search).get('tab');
const tabId = param !== null && /^\d+$/.test(param) ? Number(param) : undefined;

// popup.html?search=... is the lookup window the context menu and the omnibox open: no tab of its own.
const search = new URLSearchParams(location.search).get('search') ?? undefined;
const mode = tabId !== undefined ? 'window' : search !== undefined ? 'lookup' : 'popup';

render(<App mode={mode} tabId={tabId} initialQuery={search} />, document.getElementById('app')!);
