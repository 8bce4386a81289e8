import {
  selectLoadState,
  selectPersist,
  selectProblems,
  stagingActions,
  useStagingStore,
} from '../../stores/stagingStore';

/**
 * Problems with the saved staging area: files that could not be read (moved aside, never deleted),
 * a save that failed (retried), or a load that failed.
 */
export function StagingBanner() {
  const problems = useStagingStore(selectProblems);
  const persist = useStagingStore(selectPersist);
  const load = useStagingStore(selectLoadState);
  const loadError = useStagingStore((s) => s.loadError);
  if (problems.length === 0 && !persist.error && load !== 'failed') return null;
  return (
    <div role="alert" className="banner error staging-banner">
      {problems.length > 0 && (
        <>
          <p>
            {problems.length === 1
              ? 'A file of staged changes'
              : `${problems.length} files of staged changes`}{' '}
            could not be read and {problems.length === 1 ? 'was' : 'were'} moved aside (nothing was
            deleted):
          </p>
          <ul>
            {problems.map((p) => (
              <li key={p.file}>
                {p.message} <span className="mono small">{p.movedTo}</span>
              </li>
            ))}
          </ul>
          <button type="button" onClick={stagingActions.dismissProblems}>
            Dismiss
          </button>
        </>
      )}
      {persist.error && (
        <p>
          Staged changes are not saved yet ({persist.unsaved.toLocaleString('en-US')} pending):{' '}
          {persist.error}{' '}
          <button type="button" onClick={stagingActions.retrySave}>
            Retry now
          </button>
        </p>
      )}
      {load === 'failed' && (
        <p>
          Could not load the saved staged changes: {loadError}{' '}
          <button type="button" onClick={() => void stagingActions.init()}>
            Retry
          </button>
        </p>
      )}
    </div>
  );
}
