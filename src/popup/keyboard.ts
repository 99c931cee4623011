/**
 * What a key does in the popup, decided apart from the DOM so every rule can be tested: the
 * search box keeps focus while the arrows move through the list (aria-activedescendant), so
 * typing, choosing and going back never need the mouse.
 */

export interface KeyState {
  /** Focus is in the search box. */
  inSearch: boolean;
  /** Focus is in some other text field, where Backspace edits. */
  inOtherField: boolean;
  /** The search box's text. */
  query: string;
  /** A detail view is open above home. */
  canGoBack: boolean;
  atHome: boolean;
  listLength: number;
  /** The active row, -1 when none. */
  activeIndex: number;
}

export type KeyAction =
  { do: 'back' } | { do: 'clear-search' } | { do: 'activate'; index: number } | { do: 'open'; index: number } | null;

export function keyAction(key: { key: string; altKey: boolean }, s: KeyState): KeyAction {
  if (key.altKey && key.key === 'ArrowLeft') return s.canGoBack ? { do: 'back' } : null;
  if (key.key === 'Escape') {
    // Handled here means the popup stays open; at the top with nothing typed, Escape closes it.
    if (s.canGoBack) return { do: 'back' };
    return s.query.trim() !== '' ? { do: 'clear-search' } : null;
  }
  if (key.key === 'Backspace') {
    const editing = s.inSearch ? s.query !== '' : s.inOtherField;
    return !editing && s.canGoBack ? { do: 'back' } : null;
  }
  if (!s.inSearch || !s.atHome || !s.listLength) return null;
  if (key.key === 'ArrowDown' || key.key === 'ArrowUp') {
    const step = key.key === 'ArrowDown' ? 1 : -1;
    return { do: 'activate', index: (Math.max(s.activeIndex, step > 0 ? -1 : 0) + step + s.listLength) % s.listLength };
  }
  if (key.key === 'Enter' && s.activeIndex >= 0) return { do: 'open', index: s.activeIndex };
  return null;
}
