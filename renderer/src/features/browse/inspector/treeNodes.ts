/** The inspector tree's nodes: an item's attributes, maps and lists opened level by level. */
import type { AttributeValue, Item } from '../../../../../shared/dynamo/types';

export interface TreeNode {
  /** The path from the item: attribute names and list indexes, joined by NUL. */
  id: string;
  /** What the row names: an attribute or map key, or a list index as [i]. */
  label: string;
  value: AttributeValue;
  level: number;
  /** Position among its siblings (1-based) and their count, for aria-posinset/setsize. */
  pos: number;
  size: number;
  parent: string | null;
  /** Its children's entries when it is a map or a list, else null. */
  children: [string, AttributeValue][] | null;
}

/** The child entries of a map (its keys) or a list ([0], [1]…); null for anything else. */
export function childEntries(v: AttributeValue): [string, AttributeValue][] | null {
  if ('M' in v) return Object.keys(v.M).map((k) => [k, v.M[k]!]);
  if ('L' in v) return v.L.map((x, i) => [`[${i}]`, x]);
  return null;
}

/** Every node visible with `expanded` open, in reading order (depth first). */
export function visibleNodes(item: Item, expanded: ReadonlySet<string>): TreeNode[] {
  const out: TreeNode[] = [];
  const walk = (
    entries: [string, AttributeValue][],
    level: number,
    parent: string | null,
  ): void => {
    entries.forEach(([label, value], i) => {
      const id = parent === null ? label : `${parent}\u0000${label}`;
      const children = childEntries(value);
      out.push({ id, label, value, level, pos: i + 1, size: entries.length, parent, children });
      if (children && expanded.has(id)) walk(children, level + 1, id);
    });
  };
  walk(
    Object.keys(item).map((k) => [k, item[k]!]),
    1,
    null,
  );
  return out;
}
