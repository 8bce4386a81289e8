import {
  selectNotice,
  selectSelectedInfo,
  selectSelectedTest,
  useConnectionStore,
} from '../../stores/connectionStore';
import { useTablesStore } from '../../stores/tablesStore';

/**
 * Why the selected connection cannot connect (an SSO login, an MFA code, the service's message), with
 * Retry. Shown inline: nothing loaded or staged is cleared.
 */
export function ConnectionProblem() {
  const info = useConnectionStore(selectSelectedInfo);
  const test = useConnectionStore(selectSelectedTest);
  const notice = useConnectionStore(selectNotice);
  const retry = async () => {
    if (!info) return;
    const result = await useConnectionStore.getState().test(info.id);
    if (result.status === 'ok') await useTablesStore.getState().load(info.id);
  };
  return (
    <>
      {notice && (
        <div role="alert" className="banner error">
          <p>{notice}</p>
        </div>
      )}
      {info && test?.status === 'failed' && (
        <div
          role="alert"
          data-testid="connection-problem"
          className="banner error connection-problem"
        >
          {test.code === 'SsoLoginRequired' && test.fix ? (
            // The message names the same command; shown once, as something to copy.
            <p title={test.message}>
              <strong>AWS SSO login needed for {info.name}.</strong> The SSO session has expired or
              was never started. Run <code className="fix">{test.fix}</code> in a terminal, then
              press Retry.
            </p>
          ) : (
            <p>
              <strong>Could not connect to {info.name}</strong> ({test.code}): {test.message}
            </p>
          )}
          <button onClick={() => void retry()}>Retry</button>
        </div>
      )}
    </>
  );
}
