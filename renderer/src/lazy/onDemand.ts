/**
 * The parts of the app that load on demand, each in its own chunk: the Items tab, the review pane (with the
 * commit panel, import and the item dialogs it opens), the grid's editors and dialogs (CodeMirror
 * among them), export, get by key, the connection dialog and the interrupted-commit check. `prefetchWhenIdle` loads them all
 * after the first paint, while nothing else runs, so none shows a delay when first opened.
 */
import { preloadable } from './preloadable';

/** The Items tab (query bar, grid, inspector): not needed to show the table list. */
export const BrowseView = preloadable(() =>
  import('../features/browse/BrowseView').then((m) => m.BrowseView),
);

/** The PartiQL tab: its SQL editor is CodeMirror. */
export const PartiqlPanel = preloadable(() =>
  import('../features/partiql/PartiqlPanel').then((m) => m.PartiqlPanel),
);
export const ReviewDrawer = preloadable(() =>
  import('../features/review/ReviewDrawer').then((m) => m.ReviewDrawer),
);
export const InterruptedCommitDialog = preloadable(() =>
  import('../features/commit/InterruptedCommitDialog').then((m) => m.InterruptedCommitDialog),
);
export const GridEditOverlay = preloadable(() =>
  import('../features/staging/grid/GridEditOverlay').then((m) => m.GridEditOverlay),
);
export const ExportDialog = preloadable(() =>
  import('../features/browse/export/ExportDialog').then((m) => m.ExportDialog),
);
export const GetByKeyDialog = preloadable(() =>
  import('../features/browse/keys/GetByKeyDialog').then((m) => m.GetByKeyDialog),
);
export const ConnectionDialog = preloadable(() =>
  import('../features/connections/ConnectionDialog').then((m) => m.ConnectionDialog),
);

const ALL = [
  BrowseView,
  GridEditOverlay,
  PartiqlPanel,
  ReviewDrawer,
  InterruptedCommitDialog,
  ExportDialog,
  GetByKeyDialog,
  ConnectionDialog,
];

/** Until when idle prefetches wait (performance.now() ms): something the user asked for runs. */
let heldUntil = 0;

/** A table is opening: prefetches wait `ms`, so that none competes with its first rows. */
export function holdPrefetch(ms = 1_000): void {
  heldUntil = Math.max(heldUntil, performance.now() + ms);
}

/** After the first paint, loads every on-demand chunk one at a time in idle periods. */
export function prefetchWhenIdle(): void {
  const idle =
    window.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200) as unknown as number);
  const next = (i: number) => {
    const part = ALL[i];
    if (!part) return;
    idle(() => {
      const wait = heldUntil - performance.now();
      if (wait > 0) {
        setTimeout(() => next(i), wait);
        return;
      }
      part.preload().then(
        () => next(i + 1),
        () => next(i + 1),
      );
    });
  };
  next(0);
}
