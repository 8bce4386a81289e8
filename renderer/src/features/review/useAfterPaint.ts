import { useEffect, useState } from 'react';
import { afterPaint } from '../../stores/afterPaint';

/**
 * The value of `compute()` for `deps`, computed only after the frame showing the rest has been
 * painted, behind the tasks that frame queued (stores/afterPaint.ts): null until then, and again
 * whenever `deps` change until the new value is ready. For secondary figures that must not hold
 * back the first paint of a view, nor what runs right after it (an input's handler, a paint
 * observer): a plain timer from the frame ran them first, 30-40 ms of counting after a bulk edit.
 */
export function useAfterPaint<T>(compute: () => T, deps: readonly unknown[]): T | null {
  const [done, setDone] = useState<{ deps: readonly unknown[]; value: T } | null>(null);
  const current = done !== null && sameDeps(done.deps, deps);
  useEffect(() => {
    if (current) return;
    let live = true;
    afterPaint(() => {
      if (live) setDone({ deps, value: compute() });
    });
    return () => {
      live = false;
    };
    // `deps` are the caller's dependencies, compared one by one.
  }, [current, ...deps]);
  return current ? done.value : null;
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}
