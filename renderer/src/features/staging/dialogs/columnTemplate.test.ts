import { describe, expect, it } from 'vitest';
import { columnTemplate, TEMPLATE_ROWS } from './columnTemplate';
import type { Item } from '../../../../../shared/dynamo/types';

describe('columnTemplate', () => {
  it("takes each column's value from the first row that has it", () => {
    const rows: Item[] = [
      { id: { S: '1' } },
      { id: { S: '2' }, tags: { SS: ['a'] } },
      { tags: { L: [] }, b: { B: 'AA==' } },
    ];
    expect(columnTemplate(rows)).toEqual({ id: { S: '1' }, tags: { SS: ['a'] }, b: { B: 'AA==' } });
  });

  it('keeps a column named __proto__ as a column, and the prototype as it was', () => {
    const rows = [JSON.parse('{"id":{"S":"1"},"__proto__":{"NS":["1"]}}') as Item];
    const t = columnTemplate(rows);
    expect(Object.prototype.hasOwnProperty.call(t, '__proto__')).toBe(true);
    expect(t['__proto__']).toEqual({ NS: ['1'] });
    expect(Object.getPrototypeOf(t)).toBe(Object.prototype);
  });

  it('looks at the first TEMPLATE_ROWS rows only', () => {
    const rows: Item[] = Array.from({ length: TEMPLATE_ROWS }, (_, i) => ({ id: { S: `${i}` } }));
    rows.push({ id: { S: 'x' }, late: { N: '1' } });
    expect(Object.keys(columnTemplate(rows))).toEqual(['id']);
  });
});
