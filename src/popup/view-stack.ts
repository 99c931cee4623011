/**
 * The popup's views as a stack: home (the summary or search results) at the bottom, an article's
 * detail on top of it, and its related articles on top of that. Back pops one.
 */
import { useState } from 'preact/hooks';

export type View = { name: 'home' } | { name: 'detail'; q: string };

export interface ViewStack {
  view: View;
  depth: number;
  open(q: string): void;
  /** Pops one view; false at the bottom (nothing to go back to). */
  back(): boolean;
  /** Back to home, dropping every detail. */
  home(): void;
}

export function useViewStack(): ViewStack {
  const [stack, setStack] = useState<View[]>([{ name: 'home' }]);
  return {
    view: stack[stack.length - 1]!,
    depth: stack.length,
    open: (q) => setStack((s) => [...s, { name: 'detail', q }]),
    back: () => {
      if (stack.length <= 1) return false;
      setStack((s) => (s.length > 1 ? s.slice(0, -1) : s));
      return true;
    },
    home: () => setStack([{ name: 'home' }]),
  };
}
