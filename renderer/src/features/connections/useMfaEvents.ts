import { useEffect } from 'react';
import { onEvent } from '../../api/client';
import { useConnectionStore } from '../../stores/connectionStore';

/** Feeds the backend's MFA prompts (and their endings) into the connection store. */
export function useMfaEvents(): void {
  useEffect(() => {
    const { mfaPrompted, mfaSettled } = useConnectionStore.getState();
    const offPrompt = onEvent('connections:mfaPrompt', ({ type: _type, ...prompt }) =>
      mfaPrompted(prompt),
    );
    const offSettled = onEvent('connections:mfaSettled', (e) => mfaSettled(e.promptId));
    return () => {
      offPrompt();
      offSettled();
    };
  }, []);
}
