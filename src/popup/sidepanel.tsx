import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { App } from './App';

// The side panel follows the active tab as the agent moves between tickets.
render(<App mode="sidepanel" />, document.getElementById('app')!);
