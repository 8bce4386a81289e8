import { create } from 'zustand';

export type ThemeChoice = 'system' | 'light' | 'dark';

interface ThemeState {
  choice: ThemeChoice;
  setChoice(choice: ThemeChoice): void;
  cycle(): void;
}

const ORDER: ThemeChoice[] = ['system', 'light', 'dark'];

function apply(choice: ThemeChoice): void {
  if (choice === 'system') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.setAttribute('data-theme', choice);
}

const initial = (localStorage.getItem('dynostage.theme') as ThemeChoice | null) ?? 'system';
apply(initial);

export const useThemeStore = create<ThemeState>((set, get) => ({
  choice: initial,
  setChoice(choice) {
    localStorage.setItem('dynostage.theme', choice);
    apply(choice);
    set({ choice });
  },
  cycle() {
    const next = ORDER[(ORDER.indexOf(get().choice) + 1) % ORDER.length] ?? 'system';
    get().setChoice(next);
  },
}));
