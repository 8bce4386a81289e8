/** Whether the loaded rows were read with another query than the one the query bar holds now. */
import type { QueryModel } from '../../../../../shared/contract/items';

/** The parts of a model that decide which rows match (page size and segments only pace the read). */
function rowsKey(model: QueryModel): string {
  const { pageSize: _pageSize, segments: _segments, ...rest } = model;
  return canonical(rest);
}

/** JSON with every object's keys sorted, so two equal models give one string. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** True when rows read with `loadedWith` are not what `current` would read. */
export function rowsAreStale(loadedWith: QueryModel | undefined, current: QueryModel): boolean {
  if (!loadedWith) return false;
  return rowsKey(loadedWith) !== rowsKey(current);
}
