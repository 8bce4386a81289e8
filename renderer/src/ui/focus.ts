/** Focus helpers shared by dialogs, menus and panes: where focus goes in, and back out. */

const FIELDS =
  'input:not([type="hidden"]):not(:disabled), select:not(:disabled), textarea:not(:disabled), .cm-content, [role="radio"][aria-checked="true"], [role="tab"][aria-selected="true"]';

/** The first field in `root` (an input, select, text area, code editor or checked radio). */
export function firstField(root: ParentNode): HTMLElement | null {
  return root.querySelector<HTMLElement>(FIELDS);
}

/**
 * The element to give focus back to later: the one focused now. Returns a function that puts the
 * focus back there when it is still in the page (else on `fallback()`, when given).
 */
export function rememberFocus(fallback?: () => HTMLElement | null): () => void {
  const before = document.activeElement as HTMLElement | null;
  return () => {
    const target = before && before !== document.body && before.isConnected ? before : fallback?.();
    target?.focus({ preventScroll: true });
  };
}

/** The last enabled primary or danger button in `root`: what Ctrl/Cmd+Enter presses. */
export function confirmButton(root: ParentNode): HTMLButtonElement | null {
  const all = root.querySelectorAll<HTMLButtonElement>(
    'button.primary:not(:disabled), button.danger:not(:disabled)',
  );
  return all[all.length - 1] ?? null;
}

/** The item grid on screen, where focus goes when its first home has gone. */
export const theGrid = () => document.querySelector<HTMLElement>('[role="grid"]');
