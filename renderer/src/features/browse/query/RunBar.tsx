import type { KeySchema } from '../../../../../shared/dynamo/types';
import { selectSlot, useItemsStore, type SlotRef } from '../../../stores/itemsStore';
import { cancelLoad, loadAll, loadMore, runQuery } from '../load/loader';
import { LoadStatus } from './LoadStatus';
import { useQueryDraftStore } from './queryDraftStore';
import type { QueryState } from './useQueryModel';
import { useCommands } from '../../keyboard/commandStore';

export interface RunBarProps {
  slot: SlotRef;
  draftKey: string;
  tableKey: KeySchema;
  query: QueryState;
}

/** Run, Load more, Load all and Cancel, with the progress of the current load. */
export function RunBar({ slot: ref, draftKey, tableKey, query }: RunBarProps) {
  const slot = useItemsStore(selectSlot(ref));
  const setAttempted = useQueryDraftStore((s) => s.setAttempted);
  const busy = slot?.status === 'loading' || slot?.status === 'streaming';
  const send = (how: 'run' | 'all') => {
    if (query.errors.length > 0) {
      setAttempted(draftKey, true);
      return;
    }
    setAttempted(draftKey, false);
    void (how === 'run' ? runQuery : loadAll)(ref, tableKey, query.model);
  };
  useCommands(() =>
    busy
      ? [
          {
            id: 'cancel-load',
            label: 'Cancel the load',
            group: 'Query',
            run: () => void cancelLoad(ref),
          },
        ]
      : [
          { id: 'run', label: `Run ${query.kind}`, group: 'Query', run: () => send('run') },
          {
            id: 'load-all',
            label: 'Load all (every page)',
            group: 'Query',
            run: () => send('all'),
          },
          ...(slot?.cursor && slot.kind !== 'Get'
            ? [
                {
                  id: 'load-more',
                  label: 'Load more',
                  group: 'Query',
                  run: () => void loadMore(ref),
                },
              ]
            : []),
        ],
  );
  return (
    <div className="run-bar">
      <button type="button" className="primary" disabled={busy} onClick={() => send('run')}>
        Run {query.kind}
      </button>
      <button
        type="button"
        disabled={busy || !slot?.cursor || slot.kind === 'Get'}
        onClick={() => void loadMore(ref)}
      >
        Load more
      </button>
      <button type="button" disabled={busy} onClick={() => send('all')}>
        Load all
      </button>
      {slot?.status === 'streaming' && (
        <button type="button" className="b-danger" onClick={() => void cancelLoad(ref)}>
          Cancel
        </button>
      )}
      <LoadStatus slot={slot} />
    </div>
  );
}
