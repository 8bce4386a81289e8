import { useEffect } from 'react';

const ITEM = '[role="radio"], [role="tab"]';
const NEXT = new Set(['ArrowRight', 'ArrowDown']);
const PREV = new Set(['ArrowLeft', 'ArrowUp']);

/**
 * Arrow keys inside every radio group and tab strip (role radiogroup / tablist): focus and choose
 * the next or previous option, Home and End the first and last. Each group is one tab stop: its
 * options carry tabIndex -1 except the chosen one.
 */
export function useRovingGroups(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const item = (e.target as HTMLElement | null)?.closest?.<HTMLElement>(ITEM);
      const group = item?.closest<HTMLElement>('[role="radiogroup"], [role="tablist"]');
      if (!item || !group) return;
      const items = [...group.querySelectorAll<HTMLElement>(ITEM)].filter(
        (el) => !(el as HTMLButtonElement).disabled,
      );
      const at = items.indexOf(item);
      let next = -1;
      if (NEXT.has(e.key)) next = (at + 1) % items.length;
      else if (PREV.has(e.key)) next = (at - 1 + items.length) % items.length;
      else if (e.key === 'Home') next = 0;
      else if (e.key === 'End') next = items.length - 1;
      if (next < 0) return;
      e.preventDefault();
      const target = items[next] as HTMLElement;
      target.focus();
      target.click();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
