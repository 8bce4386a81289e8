/**
 * A component loaded on demand (its own chunk), that can be loaded ahead of need. Once its chunk
 * is in, it renders at once; before that it renders nothing, and it renders itself as soon as the
 * chunk arrives. So a dialog prefetched while the app was idle opens without a visible delay.
 *
 * Not React.lazy and Suspense: when a Suspense boundary has shown its fallback, React holds back
 * the content that replaces it until 300 ms after the fallback was shown (FALLBACK_THROTTLE_MS).
 * A table clicked while the Items view was still arriving painted its first rows 300-400 ms after
 * the click although its chunk and its first page were in after 60 (bench:e2e scenario 2). A
 * state update when the chunk arrives is not held back.
 *
 * A chunk that fails to load (the host stopped, a flaky network) shows what failed and a Try again
 * button in its place, which asks for it again; the rest of the app keeps working.
 */
import { useEffect, useState, type ComponentType, type JSX } from 'react';

export interface Preloadable<P extends object> {
  (props: P): JSX.Element | null;
  /** Starts loading the chunk (once); resolves when it is in. */
  preload(): Promise<unknown>;
}

type Shown<P> = { component: ComponentType<P> } | { error: unknown } | null;

export function preloadable<P extends object>(
  load: () => Promise<ComponentType<P>>,
): Preloadable<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (pending ??= load().then(
      (c) => (loaded = c),
      (err: unknown) => {
        // A failed chunk load (a flaky connection) may be retried by the next open.
        pending = undefined;
        throw err;
      },
    ));
  function OnDemand(props: P) {
    const [shown, setShown] = useState<Shown<P>>(() => (loaded ? { component: loaded } : null));
    useEffect(() => {
      if (shown) return;
      let mounted = true;
      preload().then(
        (component) => mounted && setShown({ component }),
        (error: unknown) => mounted && setShown({ error }),
      );
      return () => {
        mounted = false;
      };
    }, [shown]);
    if (!shown) return null;
    if ('error' in shown) return <ChunkFailed error={shown.error} retry={() => setShown(null)} />;
    const { component: Component } = shown;
    return <Component {...props} />;
  }
  return Object.assign(OnDemand, { preload });
}

function ChunkFailed({ error, retry }: { error: unknown; retry: () => void }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div role="alert" className="banner error">
      This part of DynoStage could not be loaded ({message}). Your staged changes are kept; if
      trying again does not help, reload the page.{' '}
      <button type="button" onClick={retry}>
        Try again
      </button>
    </div>
  );
}
