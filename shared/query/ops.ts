import type { FilterOp } from '../contract/items';

/** How many values an operator takes (attribute_type's type is not counted: it has its own field). */
export function valueCount(op: FilterOp): number {
  switch (op) {
    case 'between':
      return 2;
    case 'attribute_exists':
    case 'attribute_not_exists':
    case 'attribute_type':
      return 0;
    default:
      return 1;
  }
}

/** Operators that order values: only S, N and B can be compared. */
export function isOrdering(op: FilterOp): boolean {
  return op === '<' || op === '<=' || op === '>' || op === '>=' || op === 'between';
}

/**
 * One condition in DynamoDB expression syntax from placeholders: `path` is a name/path
 * placeholder, `values` value placeholders (for attribute_type: the type's placeholder).
 */
export function conditionExpression(path: string, op: FilterOp, values: string[]): string {
  const [a = '', b = ''] = values;
  switch (op) {
    case 'between':
      return `${path} BETWEEN ${a} AND ${b}`;
    case 'begins_with':
    case 'contains':
    case 'attribute_type':
      return `${op}(${path}, ${a})`;
    case 'attribute_exists':
    case 'attribute_not_exists':
      return `${op}(${path})`;
    default:
      return `${path} ${op} ${a}`;
  }
}
