import { describe, expect, it } from 'vitest';
import type { Item, KeySchema } from '../dynamo/types';
import { changedNames, guardedCall } from './guarded';

const schema: KeySchema = { partitionKey: { name: 'pk', type: 'S' } };
const base: Item = { pk: { S: 'a' }, name: { S: 'Ann' }, age: { N: '30' }, gone: { BOOL: true } };

/** An item holding an attribute named `__proto__` as an own, enumerable property. */
function withProto(item: Item, value: string): Item {
  const out = { ...item };
  Object.defineProperty(out, '__proto__', {
    value: { S: value },
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return out;
}

describe('guardedCall', () => {
  it('an update sets and removes only the changed attributes, each conditioned on its base value', () => {
    const next: Item = { pk: { S: 'a' }, name: { S: 'Bea' }, age: { N: '30' }, added: { S: 'x' } };
    const call = guardedCall(
      { id: '1', table: 'T', kind: 'put', item: next, guard: { base } },
      schema,
    )!;
    expect(call.command).toBe('UpdateItem');
    expect(call.input.Key).toEqual({ pk: { S: 'a' } });
    const names = call.input.ExpressionAttributeNames!;
    const values = call.input.ExpressionAttributeValues!;
    // Every name and value is a placeholder.
    expect(call.input.UpdateExpression).toMatch(/^SET #n\d+ = :v\d+, #n\d+ = :v\d+ REMOVE #n\d+$/);
    expect(Object.values(names).sort()).toEqual(['added', 'gone', 'name', 'pk']);
    const nameOf = (n: string) => Object.keys(names).find((k) => names[k] === n)!;
    const cond = call.input.ConditionExpression!;
    expect(cond).toContain(`attribute_exists(${nameOf('pk')})`);
    expect(cond).toContain(`attribute_not_exists(${nameOf('added')})`);
    expect(cond).toMatch(new RegExp(`${nameOf('name')} = :v\\d+`));
    expect(Object.values(values)).toContainEqual({ S: 'Ann' });
    expect(Object.values(values)).not.toContainEqual({ N: '30' }); // unchanged: not checked
    expect(call.input.ReturnValuesOnConditionCheckFailure).toBe('ALL_OLD');
  });

  it('works for an attribute named __proto__', () => {
    const b = withProto(base, 'old');
    const call = guardedCall(
      { id: '1', table: 'T', kind: 'put', item: withProto(base, 'new'), guard: { base: b } },
      schema,
    )!;
    expect(Object.values(call.input.ExpressionAttributeNames!)).toContain('__proto__');
    expect(Object.values(call.input.ExpressionAttributeValues!)).toEqual(
      expect.arrayContaining([{ S: 'new' }, { S: 'old' }]),
    );
    expect(JSON.stringify(call.input)).toContain('"__proto__"');
  });

  it('an attribute named __proto__ added to an item that had none is set and checked absent', () => {
    const call = guardedCall(
      { id: '1', table: 'T', kind: 'put', item: withProto(base, 'new'), guard: { base } },
      schema,
    )!;
    const names = call.input.ExpressionAttributeNames!;
    const proto = Object.keys(names).find((k) => names[k] === '__proto__');
    expect(proto).toBeDefined();
    expect(call.input.UpdateExpression).toMatch(new RegExp(`^SET ${proto} = :v\\d+$`));
    expect(call.input.ConditionExpression).toContain(`attribute_not_exists(${proto})`);
  });

  it('an attribute named __proto__ removed from an item is removed, not set to the prototype', () => {
    const call = guardedCall(
      { id: '1', table: 'T', kind: 'put', item: base, guard: { base: withProto(base, 'old') } },
      schema,
    )!;
    const names = call.input.ExpressionAttributeNames!;
    const proto = Object.keys(names).find((k) => names[k] === '__proto__');
    expect(call.input.UpdateExpression).toBe(`REMOVE ${proto}`);
    expect(Object.values(call.input.ExpressionAttributeValues!)).toEqual([{ S: 'old' }]);
  });

  it('changedNames sees an own __proto__ on either side only', () => {
    expect(changedNames(base, withProto(base, 'x'))).toEqual(['__proto__']);
    expect(changedNames(withProto(base, 'x'), base)).toEqual(['__proto__']);
    expect(changedNames(base, { ...base })).toEqual([]);
  });

  it('checks maps and lists by type, size and member', () => {
    const b: Item = { pk: { S: 'a' }, m: { M: { k: { L: [{ S: 'x' }] } } } };
    const next: Item = { ...b, m: { M: {} } };
    const cond = guardedCall(
      { id: '1', table: 'T', kind: 'put', item: next, guard: { base: b } },
      schema,
    )!.input.ConditionExpression!;
    expect(cond).toMatch(/attribute_type\(#n\d+, :v\d+\) AND size\(#n\d+\) = :v\d+/);
    expect(cond).toMatch(/#n\d+\.#n\d+\[0\] = :v\d+/);
  });

  it('a delete is conditioned on its base image; overwrite drops the conditions', () => {
    const del = guardedCall(
      { id: '1', table: 'T', kind: 'delete', key: { pk: { S: 'a' } }, guard: { base } },
      schema,
    )!;
    expect(del.command).toBe('DeleteItem');
    expect(del.input.ConditionExpression?.split(' AND ')).toHaveLength(4);
    const forced = guardedCall(
      {
        id: '1',
        table: 'T',
        kind: 'delete',
        key: { pk: { S: 'a' } },
        guard: { base, overwrite: true },
      },
      schema,
    )!;
    expect(forced.input.ConditionExpression).toBeUndefined();
  });

  it('a new item is put only where the key is free; a version attribute is checked and incremented', () => {
    const put = guardedCall(
      { id: '1', table: 'T', kind: 'put', item: base, guard: { base: null } },
      schema,
    )!;
    expect(put.command).toBe('PutItem');
    expect(put.input.ConditionExpression).toBe('attribute_not_exists(#n0)');
    const v: Item = { ...base, ver: { N: '41' } };
    const up = guardedCall(
      {
        id: '1',
        table: 'T',
        kind: 'put',
        item: { ...v, name: { S: 'B' } },
        guard: { base: v, version: 'ver' },
      },
      schema,
    )!;
    expect(Object.values(up.input.ExpressionAttributeValues!)).toEqual(
      expect.arrayContaining([{ N: '41' }, { N: '42' }]),
    );
  });

  it('overwrite with a version attribute: no condition, and the version still goes up by one', () => {
    const v: Item = { ...base, ver: { N: '41' } };
    const up = guardedCall(
      {
        id: '1',
        table: 'T',
        kind: 'put',
        item: { ...v, name: { S: 'B' } },
        guard: { base: v, version: 'ver', overwrite: true },
      },
      schema,
    )!;
    expect(up.input.ConditionExpression).toBeUndefined();
    const names = up.input.ExpressionAttributeNames!;
    const ver = Object.keys(names).find((k) => names[k] === 'ver')!;
    expect(up.input.UpdateExpression).toContain(`${ver} = if_not_exists(${ver}, `);
    expect(Object.values(up.input.ExpressionAttributeValues!)).toEqual(
      expect.arrayContaining([{ S: 'B' }, { N: '0' }, { N: '1' }]),
    );
  });

  it('lists the changed names: added, removed and changed', () => {
    expect(
      changedNames(base, {
        pk: { S: 'a' },
        name: { S: 'Ann' },
        age: { N: '31' },
        x: { NULL: true },
      }).sort(),
    ).toEqual(['age', 'gone', 'x']);
  });
});
