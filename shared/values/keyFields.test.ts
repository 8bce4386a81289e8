import { describe, expect, it } from 'vitest';
import { keyTexts, parseKeyFields } from './keyFields';
import type { KeySchema } from '../dynamo/types';

const schema: KeySchema = {
  partitionKey: { name: '__proto__', type: 'S' },
  sortKey: { name: 'sk', type: 'N' },
};

describe('parseKeyFields / keyTexts', () => {
  it('parses typed texts into a key, a key attribute named __proto__ included', () => {
    const r = parseKeyFields(
      schema,
      JSON.parse('{"__proto__":"p","sk":"2"}') as Record<string, string>,
    );
    expect(r.ok).toBe(true);
    const key = (r as { value: Record<string, unknown> }).value;
    expect(Object.prototype.hasOwnProperty.call(key, '__proto__')).toBe(true);
    expect(key['__proto__']).toEqual({ S: 'p' });
    expect(Object.getPrototypeOf(key)).toBe(Object.prototype);
  });

  it('spells a key with a __proto__ attribute back as texts', () => {
    const item = JSON.parse('{"__proto__":{"S":"p"},"sk":{"N":"2"}}');
    const texts = keyTexts(schema, item);
    expect(Object.prototype.hasOwnProperty.call(texts, '__proto__')).toBe(true);
    expect(texts['__proto__']).toBe('p');
    expect(texts.sk).toBe('2');
  });
});
