import { describe, expect, it } from 'vitest';
import { parseValueText, valueText } from './jsonValue';
import { textToValue } from './textToValue';
import { base64ToHex, buildSet, convertValue, hexToBase64, parseNumberText } from './valueParse';

describe('value parsing', () => {
  it('keeps 38-digit numbers exactly and refuses 39 digits and out-of-range magnitudes', () => {
    expect(parseNumberText(' 12345678901234567890123456789012345678 ')).toEqual({
      ok: true,
      value: '12345678901234567890123456789012345678',
    });
    expect(parseNumberText('123456789012345678901234567890123456789')).toMatchObject({
      ok: false,
      error: expect.stringContaining('39 significant digits'),
    });
    expect(parseNumberText('1E+126')).toMatchObject({
      ok: false,
      error: expect.stringContaining('too large'),
    });
    expect(parseNumberText('1e-131')).toMatchObject({ ok: false });
    expect(parseNumberText('abc')).toMatchObject({ ok: false });
  });

  it('converts hex and base64 both ways', () => {
    expect(hexToBase64('0x68 69')).toBe('aGk=');
    expect(hexToBase64('abc')).toBeNull();
    expect(base64ToHex('aGk=')).toBe('6869');
  });

  it('refuses empty sets and duplicate members, numbers compared by value', () => {
    expect(buildSet('SS', [])).toMatchObject({
      ok: false,
      error: expect.stringContaining('cannot be empty'),
    });
    expect(buildSet('NS', ['1', '1.0'])).toMatchObject({
      ok: false,
      error: expect.stringContaining('"1" and "1.0"'),
    });
    expect(buildSet('NS', ['1', '2'])).toEqual({ ok: true, value: { NS: ['1', '2'] } });
  });

  it('changes types only where the content carries over', () => {
    expect(convertValue({ S: '12' }, 'N')).toEqual({ ok: true, value: { N: '12' } });
    expect(convertValue({ S: 'x' }, 'N').ok).toBe(false);
    expect(convertValue({ SS: ['a', 'b'] }, 'L')).toEqual({
      ok: true,
      value: { L: [{ S: 'a' }, { S: 'b' }] },
    });
    expect(convertValue({ L: [{ N: '1' }, { N: '2' }] }, 'NS')).toEqual({
      ok: true,
      value: { NS: ['1', '2'] },
    });
    expect(convertValue({ M: {} }, 'S').ok).toBe(false);
  });

  it('reads set text as a JSON array with exact numbers, or split by a separator', () => {
    expect(textToValue('[1, 12345678901234567890123456789012345678]', 'NS')).toEqual({
      ok: true,
      value: { NS: ['1', '12345678901234567890123456789012345678'] },
    });
    expect(textToValue('a; b', 'SS', { separator: ';' })).toEqual({
      ok: true,
      value: { SS: ['a', 'b'] },
    });
    expect(textToValue('{"SS":["a"]}', 'SS')).toEqual({ ok: true, value: { SS: ['a'] } });
  });
});

describe('one value as JSON', () => {
  it('prints and reads a map in plain JSON, keeping nested set types from the original', () => {
    const v = { M: { tags: { SS: ['a', 'b'] }, n: { N: '1.50' } } };
    const text = valueText(v, 'plain');
    expect(text).toBe('{\n  "tags": [\n    "a",\n    "b"\n  ],\n  "n": 1.50\n}');
    const r = parseValueText(text, 'plain', v, 'meta');
    expect(r).toMatchObject({ ok: true, value: v, notes: [{ kind: 'kept', path: 'meta.tags' }] });
  });

  it('reports a set that becomes a list, and takes typed values as DynamoDB JSON', () => {
    const r = parseValueText('{"tags": []}', 'plain', { M: { tags: { SS: ['a'] } } }, 'meta');
    expect(r.ok && r.notes.map((n) => n.kind)).toEqual(['changed']);
    expect(parseValueText('{"L":[{"N":"1"}]}', 'auto')).toMatchObject({
      ok: true,
      format: 'dynamo',
      value: { L: [{ N: '1' }] },
    });
    expect(valueText({ L: [{ N: '1' }] }, 'dynamo')).toBe(
      '{\n  "L": [\n    {\n      "N": "1"\n    }\n  ]\n}',
    );
  });

  it('says where plain JSON is broken', () => {
    expect(parseValueText('{"a": }', 'plain')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Line 1, column 7/),
    });
  });
});

describe('a leading + on a typed number (DynamoDB reads it, dynalite refuses it)', () => {
  it('is dropped at staging; every other digit and the exponent stay as typed', () => {
    expect(parseNumberText(' +5 ')).toEqual({ ok: true, value: '5' });
    expect(textToValue('+0012.50e+3', 'N')).toEqual({ ok: true, value: { N: '0012.50e+3' } });
    expect(textToValue('+1, -2, +3.0', 'NS')).toEqual({ ok: true, value: { NS: ['1', '-2', '3.0'] } });
    expect(textToValue('{"NS": ["+7"]}', 'NS')).toEqual({ ok: true, value: { NS: ['7'] } });
    expect(parseNumberText('++5')).toMatchObject({ ok: false });
    expect(parseNumberText('-5')).toEqual({ ok: true, value: '-5' });
  });
});
