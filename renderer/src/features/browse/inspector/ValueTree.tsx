import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { formatValue } from '../../../../../shared/dynamo/format';
import { typeOf, type Item } from '../../../../../shared/dynamo/types';
import { epochTitle } from '../../../../../shared/values/epoch';
import { visibleNodes, type TreeNode } from './treeNodes';

const count = (n: TreeNode) => {
  const c = n.children?.length ?? 0;
  return 'M' in n.value
    ? `{${c} ${c === 1 ? 'key' : 'keys'}}`
    : `[${c} ${c === 1 ? 'item' : 'items'}]`;
};

/**
 * The item as a tree (WAI-ARIA tree pattern): maps and lists open and close with a click, Enter,
 * or Right and Left arrows; Up and Down move between visible rows, Home and End to the ends.
 * One tab stop: the focused row.
 */
export function ValueTree({ item }: { item: Item }) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const nodes = useMemo(() => visibleNodes(item, expanded), [item, expanded]);
  const [focus, setFocus] = useState<string | null>(null);
  const current = nodes.find((n) => n.id === focus) ?? nodes[0];
  const root = useRef<HTMLUListElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current || !current) return;
    moved.current = false;
    const el = [...(root.current?.querySelectorAll<HTMLElement>('[role="treeitem"]') ?? [])].find(
      (e) => e.dataset.id === current.id,
    );
    el?.focus();
  }, [current]);

  const toggle = (id: string, open: boolean) =>
    setExpanded((s) => {
      const next = new Set(s);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });
  const go = (n: TreeNode | undefined) => {
    if (!n) return;
    moved.current = true;
    setFocus(n.id);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (!current) return;
    const i = nodes.indexOf(current);
    const open = expanded.has(current.id);
    switch (e.key) {
      case 'ArrowDown':
        go(nodes[i + 1]);
        break;
      case 'ArrowUp':
        go(nodes[i - 1]);
        break;
      case 'Home':
        go(nodes[0]);
        break;
      case 'End':
        go(nodes[nodes.length - 1]);
        break;
      case 'ArrowRight':
        if (current.children && !open) toggle(current.id, true);
        else if (current.children && current.children.length > 0) go(nodes[i + 1]);
        break;
      case 'ArrowLeft':
        if (current.children && open) toggle(current.id, false);
        else go(nodes.find((n) => n.id === current.parent));
        break;
      case 'Enter':
      case ' ':
        if (current.children) toggle(current.id, !open);
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  // Nested groups as the tree pattern has them, built from the flat visible list.
  const render = (parent: string | null): ReactNode[] =>
    nodes
      .filter((n) => n.parent === parent)
      .map((n) => {
        const open = expanded.has(n.id);
        const type = typeOf(n.value);
        return (
          <li
            key={n.id}
            role="treeitem"
            data-id={n.id}
            aria-level={n.level}
            aria-posinset={n.pos}
            aria-setsize={n.size}
            aria-expanded={n.children ? open : undefined}
            aria-selected={n.id === current?.id}
            tabIndex={n.id === current?.id ? 0 : -1}
            onClick={(e) => {
              e.stopPropagation();
              setFocus(n.id);
              if (n.children) toggle(n.id, !open);
            }}
          >
            <span className="vt-row">
              <span className="vt-twisty" aria-hidden="true">
                {n.children ? (open ? '▾' : '▸') : ''}
              </span>
              <span className="vt-name">{n.label}</span>
              <span className="badge">{type}</span>
              <span
                className="vt-value"
                title={'N' in n.value ? (epochTitle(n.value.N) ?? undefined) : undefined}
              >
                {n.children ? count(n) : formatValue(n.value)}
              </span>
            </span>
            {n.children && open && <ul role="group">{render(n.id)}</ul>}
          </li>
        );
      });

  return (
    <ul
      ref={root}
      className="value-tree"
      role="tree"
      aria-label="Item as a tree"
      onKeyDown={onKeyDown}
    >
      {render(null)}
    </ul>
  );
}
