import { useEffect, useState } from 'react';
import { onEvent } from './api/client';
import { ConnectionPicker, SandboxProblem } from './features/connections/ConnectionPicker';
import { ChangesButton } from './features/review/ChangesButton';
import { selectReviewOpen, useReviewStore } from './features/review/reviewStore';
import { StagingBanner } from './features/staging/StagingBanner';
import { useStagingShortcuts } from './features/staging/useStagingShortcuts';
import { TableList } from './features/tables/TableList';
import { TablePane } from './features/tables/TablePane';
import { selectSelectedConnection, useConnectionStore } from './stores/connectionStore';
import { useTablesStore } from './stores/tablesStore';
import { useThemeStore } from './stores/themeStore';
import { CommandPalette } from './features/keyboard/CommandPalette';
import { Toasts } from './features/feedback/Toasts';
import { BusyIndicator } from './features/busy/BusyIndicator';
import { useHistoryToasts } from './features/feedback/useHistoryToasts';
import { useAppCommands } from './features/keyboard/useAppCommands';
import { useRovingGroups } from './features/keyboard/useRovingGroups';
import {
  BrowseView,
  InterruptedCommitDialog,
  prefetchWhenIdle,
  ReviewDrawer,
} from './lazy/onDemand';

/**
 * True once the table list is shown and the main thread has been idle since (or 2 s passed):
 * what loads on demand is fetched then, so it never competes with the first screen.
 */
function useAfterFirstScreen(): boolean {
  const [idle, setIdle] = useState(false);
  const listed = useTablesStore((s) => Object.keys(s.names).length > 0 || s.error !== null);
  useEffect(() => {
    if (!listed) return;
    // A table is usually picked next: its view is fetched at once, the rest when idle.
    BrowseView.preload().catch(() => undefined); // a failure shows where the view opens
    const ric = window.requestIdleCallback;
    if (!ric) {
      const t = setTimeout(() => setIdle(true), 300);
      return () => clearTimeout(t);
    }
    const id = ric(() => setIdle(true), { timeout: 2000 });
    return () => window.cancelIdleCallback(id);
  }, [listed]);
  return idle;
}

export function App() {
  const load = useConnectionStore((s) => s.load);
  const theme = useThemeStore((s) => s.choice);
  const cycleTheme = useThemeStore((s) => s.cycle);
  const reviewOpen = useReviewStore(selectReviewOpen);
  const idle = useAfterFirstScreen();
  useStagingShortcuts();
  useRovingGroups();
  useAppCommands();
  useHistoryToasts();
  useEffect(() => {
    if (!idle) return;
    prefetchWhenIdle();
    // The first number formatted with toLocaleString loads ICU's data (tens of ms): done now, not
    // when a table's first rows (and their counts) are shown.
    void (1234.5).toLocaleString('en-US', { maximumFractionDigits: 1 });
  }, [idle]);

  useEffect(() => {
    void load();
    return onEvent('app:command', (e) => {
      if (e.command === 'toggle-theme') useThemeStore.getState().cycle();
      if (e.command === 'refresh-tables') {
        void useTablesStore
          .getState()
          .load(selectSelectedConnection(useConnectionStore.getState()));
      }
    });
  }, [load]);

  return (
    <div className="app">
      <header className="topbar">
        <h1>DynoStage</h1>
        <ConnectionPicker />
        <div className="spacer" />
        <BusyIndicator />
        <ChangesButton />
        <button className="ghost" onClick={cycleTheme} title="Theme: follows the OS, light or dark">
          Theme: {theme}
        </button>
      </header>
      <SandboxProblem />
      <StagingBanner />
      <div className="workspace">
        <TableList />
        <TablePane />
        {reviewOpen && <ReviewDrawer />}
      </div>
      {/* Asks the backend for interrupted commits once the first screen is up. */}
      {idle && <InterruptedCommitDialog />}
      <CommandPalette />
      <Toasts />
    </div>
  );
}
