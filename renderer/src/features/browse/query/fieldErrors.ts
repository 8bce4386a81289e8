/** Which validation errors the query bar shows where. */
import type { ModelError } from '../../../../../shared/query';
import type { QueryDraft } from './queryDraft';

/** True when the field an error is about is still empty in the form. */
export function isBlankField(draft: QueryDraft, field: string): boolean {
  if (field === 'partitionValue') return draft.partition === '';
  let m = /^sortCondition\.values\.(\d)$/.exec(field);
  if (m) return draft.sortValues[Number(m[1])] === '';
  m = /^filters\.conditions\.(\d+)\.path$/.exec(field);
  if (m) return draft.filters[Number(m[1])]?.path.trim() === '';
  m = /^filters\.conditions\.(\d+)\.values\.(\d)$/.exec(field);
  if (m) {
    const v = draft.filters[Number(m[1])]?.values[Number(m[2]) as 0 | 1];
    return v !== undefined && (v.type === 'S' || v.type === 'N' || v.type === 'B') && v.text === '';
  }
  return false;
}

/**
 * The errors to show: a mistake in something typed shows at once; a field left empty shows only
 * once Run was pressed, so a fresh form is not covered in red.
 */
export function visibleErrors(
  errors: ModelError[],
  draft: QueryDraft,
  attempted: boolean,
): ModelError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (!isBlankField(draft, e.field)) return true;
    // An empty field says so once: "must not be empty", not also "below the lower bound".
    if (!attempted || seen.has(e.field)) return false;
    seen.add(e.field);
    return true;
  });
}

/** Messages for `field` and the fields inside it (`filters.conditions.1` covers `.values.0`). */
export function errorsAt(errors: ModelError[], field: string): string[] {
  return errors
    .filter((e) => e.field === field || e.field.startsWith(field + '.'))
    .map((e) => e.message);
}
