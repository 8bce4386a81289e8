import { setAttr } from '../../../../../shared/dynamo/attrs';
import type { Item } from '../../../../../shared/dynamo/types';

/** Rows looked at for the template: the first screenfuls say what each column holds. */
export const TEMPLATE_ROWS = 500;

/**
 * The value each loaded column holds, from the first row that has it (of the first TEMPLATE_ROWS):
 * what the new item's plain JSON is read against, so that sets and binary stay what the column
 * holds. Any attribute name counts as one, `__proto__` included.
 */
export function columnTemplate(items: readonly Item[]): Item {
  const out: Item = {};
  for (const item of items.slice(0, TEMPLATE_ROWS))
    for (const name in item)
      if (Object.hasOwn(item, name) && !Object.hasOwn(out, name))
        setAttr(out, name, item[name] as Item[string]);
  return out;
}
