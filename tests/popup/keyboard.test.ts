import { describe, expect, it } from 'vitest';
import { keyAction, type KeyState } from '../../src/popup/keyboard';

const home: KeyState = {
  inSearch: true,
  inOtherField: false,
  query: '',
  canGoBack: false,
  atHome: true,
  listLength: 3,
  activeIndex: 0,
};
const key = (k: string, altKey = false) => ({ key: k, altKey });

describe('popup keys', () => {
  it('arrows wrap through the list from the search box; Enter opens the active row', () => {
    expect(keyAction(key('ArrowDown'), home)).toEqual({ do: 'activate', index: 1 });
    expect(keyAction(key('ArrowDown'), { ...home, activeIndex: 2 })).toEqual({ do: 'activate', index: 0 });
    expect(keyAction(key('ArrowUp'), home)).toEqual({ do: 'activate', index: 2 });
    // No active row yet: down goes to the first, up to the last.
    expect(keyAction(key('ArrowDown'), { ...home, activeIndex: -1 })).toEqual({ do: 'activate', index: 0 });
    expect(keyAction(key('Enter'), { ...home, activeIndex: 1 })).toEqual({ do: 'open', index: 1 });
  });

  it('leaves arrows and Enter alone outside the search box, in a detail, or with an empty list', () => {
    expect(keyAction(key('ArrowDown'), { ...home, inSearch: false })).toBeNull();
    expect(keyAction(key('Enter'), { ...home, atHome: false, canGoBack: true })).toBeNull();
    expect(keyAction(key('ArrowDown'), { ...home, listLength: 0, activeIndex: -1 })).toBeNull();
  });

  it('Escape goes back, else clears the search, else lets the popup close', () => {
    expect(keyAction(key('Escape'), { ...home, canGoBack: true, query: 'x' })).toEqual({ do: 'back' });
    expect(keyAction(key('Escape'), { ...home, query: 'vfp grid' })).toEqual({ do: 'clear-search' });
    expect(keyAction(key('Escape'), { ...home, query: '  ' })).toBeNull();
    expect(keyAction(key('Escape'), home)).toBeNull();
  });

  it('Backspace goes back only where it would not edit text; Alt+Left always goes back', () => {
    const detail = { ...home, atHome: false, canGoBack: true };
    expect(keyAction(key('Backspace'), { ...detail, inSearch: false })).toEqual({ do: 'back' });
    expect(keyAction(key('Backspace'), { ...detail, inSearch: true, query: '' })).toEqual({ do: 'back' });
    expect(keyAction(key('Backspace'), { ...detail, inSearch: true, query: 'abc' })).toBeNull();
    expect(keyAction(key('Backspace'), { ...detail, inSearch: false, inOtherField: true })).toBeNull();
    expect(keyAction(key('ArrowLeft', true), detail)).toEqual({ do: 'back' });
    expect(keyAction(key('ArrowLeft', true), home)).toBeNull();
  });
});
