import { describe, expect, it } from 'vitest';
import { base64ByteLength, base64ToBytes, bytesToBase64, utf8Length } from './binary';

describe('binary helpers', () => {
  it('counts UTF-8 bytes like TextEncoder, lone surrogates included', () => {
    for (const s of ['', 'abc', 'é', '€', '😀', 'a\ud800é', '\udc00', 'x\ud83d']) {
      expect(utf8Length(s), JSON.stringify(s)).toBe(new TextEncoder().encode(s).length);
    }
  });

  it('round-trips base64 and measures it without decoding', () => {
    const bytes = new Uint8Array([0, 255, 1, 2, 3]);
    const b64 = bytesToBase64(bytes);
    expect(b64).toBe('AP8BAgM=');
    expect(base64ToBytes(b64)).toEqual(bytes);
    expect(base64ToBytes('AP8BAgM')).toEqual(bytes); // padding optional
    expect(base64ToBytes('A')).toBeNull();
    expect(base64ToBytes('**')).toBeNull();
    expect(base64ByteLength(b64)).toBe(5);
  });
});
