import { useEffect, useState } from 'react';
import { selectView, useGridViewStore } from './gridViewStore';

/** Filters the loaded rows as you type (debounced, so 100,000 rows are filtered once per pause). */
export function QuickFilter({ viewKey }: { viewKey: string }) {
  const stored = useGridViewStore((s) => selectView(viewKey)(s).quickFilter);
  const update = useGridViewStore((s) => s.update);
  const [text, setText] = useState(stored);
  useEffect(() => setText(stored), [stored]);
  useEffect(() => {
    if (text === stored) return;
    const t = setTimeout(() => update(viewKey, 'quickFilter', text), 200);
    return () => clearTimeout(t);
  }, [text, stored, update, viewKey]);
  return (
    <input
      type="search"
      className="quick-filter"
      placeholder="Filter loaded rows"
      aria-label="Filter loaded rows"
      value={text}
      onChange={(e) => setText(e.target.value)}
    />
  );
}
