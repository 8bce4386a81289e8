/**
 * The entry: small on purpose. The table list is the slowest part of the first screen (a
 * ListTables that pages to the end), so it is asked for before the app's own code (React, the
 * shell) is fetched and run; the table list joins that listing when it mounts.
 */
import { useConnectionStore } from './stores/connectionStore';
import { useTablesStore } from './stores/tablesStore';
import './styles.css';

void useTablesStore.getState().load(useConnectionStore.getState().selectedId);
void import('./render').then((m) => m.render());
