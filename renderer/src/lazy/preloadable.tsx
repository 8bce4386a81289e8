/**
 * A component loaded on demand (its own chunk), that can be loaded ahead of need. Once its chunk
 * is in, it renders at once, with no Suspense fallback: so a dialog prefetched while the app was
 * idle opens without a visible delay. Before that it suspends (fallback: nothing) for the load.
 */
import { lazy, Suspense, useState, type ComponentType, type JSX } from 'react';

export interface Preloadable<P extends object> {
  (props: P): JSX.Element;
  /** Starts loading the chunk (once); resolves when it is in. */
  preload(): Promise<unknown>;
}

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
  const Lazy = lazy(() => preload().then((c) => ({ default: c })));
  function OnDemand(props: P) {
    // Fixed per mounted instance: switching from Lazy to the loaded type would remount it.
    const [Shown] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return (
      <Suspense fallback={null}>
        <Shown {...props} />
      </Suspense>
    );
  }
  return Object.assign(OnDemand, { preload });
}
