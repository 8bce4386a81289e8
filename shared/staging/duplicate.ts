/** Duplicating items under new keys: each copy is a put of the source image with the new key. */
import { changeId } from '../changes/types';
import type { Edit } from '../changes/types';
import type { Item, KeySchema } from '../dynamo/types';
import { parseKeyFields } from '../values/keyFields';

export interface DuplicateResult {
  edit: Edit | null;
  /** Per source item: why its new key is not usable, or null. */
  errors: (string | null)[];
}

/**
 * Puts of each item under the key typed for it. A key that does not parse, equals the source key,
 * or repeats another copy's key is reported, and then nothing is staged.
 */
export function buildDuplicates(
  connectionId: string,
  table: string,
  keySchema: KeySchema,
  items: readonly Item[],
  keyTexts: readonly Readonly<Record<string, string>>[],
): DuplicateResult {
  const seen = new Map<string, number>();
  const edits: Edit[] = [];
  const errors = items.map((item, i) => {
    const key = parseKeyFields(keySchema, keyTexts[i] ?? {});
    if (!key.ok) return key.error;
    const id = changeId(connectionId, table, key.value, keySchema);
    if (id === changeId(connectionId, table, item, keySchema)) return 'Give the copy a new key.';
    const other = seen.get(id);
    if (other !== undefined) return `The same key as copy ${other + 1}.`;
    seen.set(id, i);
    edits.push({ type: 'putItem', connectionId, table, item: { ...item, ...key.value } });
    return null;
  });
  const ok = errors.every((e) => e === null);
  return { edit: ok && edits.length ? { type: 'batch', edits } : null, errors };
}
