import { useEffect, useState } from 'react';

/**
 * The value of `compute()` for `deps`, computed only after the frame showing the rest has been
 * painted (a frame, then a task): null until then, and again whenever `deps` change until the
 * new value is ready. For secondary figures that must not hold back the first paint of a view.
 */
export function useAfterPaint<T>(compute: () => T, deps: readonly unknown[]): T | null {
  const [done, setDone] = useState<{ deps: readonly unknown[]; value: T } | null>(null);
  const current = done !== null && sameDeps(done.deps, deps);
  useEffect(() => {
    if (current) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setDone({ deps, value: compute() }), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
    // `deps` are the caller's dependencies, compared one by one.
  }, [current, ...deps]);
  return current ? done.value : null;
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}
