import { useEffect } from 'react';
import { onEvent } from './api/client';
import { InterruptedCommitDialog } from './features/commit/InterruptedCommitDialog';
import { ConnectionPicker, SandboxProblem } from './features/connections/ConnectionPicker';
import { ChangesButton } from './features/review/ChangesButton';
import { ReviewDrawer } from './features/review/ReviewDrawer';
import { StagingBanner } from './features/staging/StagingBanner';
import { useStagingShortcuts } from './features/staging/useStagingShortcuts';
import { TableList } from './features/tables/TableList';
import { TablePane } from './features/tables/TablePane';
import { selectSelectedConnection, useConnectionStore } from './stores/connectionStore';
import { useTablesStore } from './stores/tablesStore';
import { useThemeStore } from './stores/themeStore';
import { CommandPalette } from './features/keyboard/CommandPalette';
import { Toasts } from './features/feedback/Toasts';
import { useHistoryToasts } from './features/feedback/useHistoryToasts';
import { useAppCommands } from './features/keyboard/useAppCommands';
import { useRovingGroups } from './features/keyboard/useRovingGroups';

export function App() {
  const load = useConnectionStore((s) => s.load);
  const theme = useThemeStore((s) => s.choice);
  const cycleTheme = useThemeStore((s) => s.cycle);
  useStagingShortcuts();
  useRovingGroups();
  useAppCommands();
  useHistoryToasts();

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
        <ReviewDrawer />
      </div>
      <InterruptedCommitDialog />
      <CommandPalette />
      <Toasts />
    </div>
  );
}
