import { expect, test } from 'vitest';
import { setAttr } from './attrs';
import type { Item } from './types';

test('every name becomes an own enumerable attribute, names on Object.prototype included', () => {
  const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '__defineGetter__', 'valueOf', 'plain'];
  for (const base of [{} as Item, Object.create(null) as Item]) {
    names.forEach((n, i) => setAttr(base, n, { N: String(i) }));
    expect(Object.keys(base)).toEqual(names);
    names.forEach((n, i) => expect(Object.getOwnPropertyDescriptor(base, n)?.value).toEqual({ N: String(i) }));
    expect(JSON.parse(JSON.stringify(base))).toEqual(JSON.parse(JSON.stringify(base)));
  }
  const plain = {} as Item;
  setAttr(plain, '__proto__', { S: 'x' });
  expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
  expect(JSON.stringify(plain)).toBe('{"__proto__":{"S":"x"}}');
  setAttr(plain, '__proto__', { S: 'y' }); // set again: replaced, still own
  expect(JSON.stringify(plain)).toBe('{"__proto__":{"S":"y"}}');
});
