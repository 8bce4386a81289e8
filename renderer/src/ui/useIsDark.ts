import { useSyncExternalStore } from 'react';
import { useThemeStore } from '../stores/themeStore';

const query = () => window.matchMedia('(prefers-color-scheme: dark)');

function subscribe(onChange: () => void): () => void {
  const q = query();
  q.addEventListener('change', onChange);
  return () => q.removeEventListener('change', onChange);
}

/** Whether the app shows its dark theme now: the user's choice, or the OS when it follows it. */
export function useIsDark(): boolean {
  const choice = useThemeStore((s) => s.choice);
  const osDark = useSyncExternalStore(subscribe, () => query().matches);
  return choice === 'dark' || (choice === 'system' && osDark);
}
