/**
 * The entry: small on purpose. The table list is the slowest part of the first screen (a
 * ListTables that pages to the end). The web host writes it into the page, as links, with the
 * listing beside it (renderer/src/boot/pagePrimed.ts): the app starts from that. Otherwise (Electron,
 * or no listing in time) it is asked for before the app's own code (React, the shell) is fetched
 * and run; the table list joins that listing when it mounts.
 */
import { openedByAddress, readPrimed, withoutOpened } from './boot/pagePrimed';
import { useConnectionStore } from './stores/connectionStore';
import { useTablesStore } from './stores/tablesStore';
// The chosen theme, applied as the entry runs: the page's list is not drawn in another one first.
import './stores/themeStore';
import './styles.css';

const tables = useTablesStore.getState();

/** Opens `table` of `connectionId` when the app starts (the connection becomes the selected one). */
function open(connectionId: string, table: string): void {
  useConnectionStore.getState().select(connectionId);
  void tables.select(connectionId, table);
}

const opened = openedByAddress(location.search);
if (opened) {
  open(opened.connectionId, opened.table);
  history.replaceState(history.state, '', withoutOpened(location.href));
}
const primed = readPrimed(document);
const selectedId = useConnectionStore.getState().selectedId;
if (primed && primed.connectionId === selectedId) tables.prime(primed.connectionId, primed.tables, primed.ms);
else void tables.load(selectedId);

// A click on the page's list while the app loads opens the table without loading the page again.
const root = document.getElementById('root');
const early = (e: MouseEvent) => {
  const link = (e.target as Element | null)?.closest?.('a.table-item');
  if (!link || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const target = openedByAddress(new URL((link as HTMLAnchorElement).href).search);
  if (!target) return;
  e.preventDefault();
  open(target.connectionId, target.table);
  for (const a of root?.querySelectorAll('a.table-item') ?? []) {
    a.classList.toggle('selected', a === link);
    if (a === link) a.setAttribute('aria-current', 'true');
    else a.removeAttribute('aria-current');
  }
};
root?.addEventListener('click', early);
const start = () => {
  void import('./render').then((m) => {
    root?.removeEventListener('click', early);
    m.render();
  });
  // The Items view (a table is usually picked next) comes with the app, not after it has mounted:
  // a click on a table as soon as the list is there otherwise waited for it to be fetched and
  // run while the app's own start-up calls (staging, connections, commits) had the page.
  // A failed fetch is shown, with Try again, where the view would be (lazy/preloadable.tsx).
  void import('./lazy/onDemand')
    .then((m) => m.BrowseView.preload())
    .catch(() => undefined);
};
// The page's list is painted first (its frame is not held back by fetching and running the app),
// then the app takes over; a hidden tab paints nothing and starts the app at once.
if (primed && document.visibilityState === 'visible') requestAnimationFrame(() => setTimeout(start, 0));
else start();
