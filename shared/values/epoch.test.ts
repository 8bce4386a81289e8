import { describe, expect, it } from 'vitest';
import { epochOf, epochTitle, isoUtc, localTime } from './epoch';

describe('epoch', () => {
  it('reads epoch seconds and milliseconds between 2000 and 2100', () => {
    expect(epochOf('1767225600')).toEqual({ unit: 's', ms: 1_767_225_600_000 });
    expect(epochOf('1767225600.5')).toEqual({ unit: 's', ms: 1_767_225_600_500 });
    expect(epochOf('1767225600123')).toEqual({ unit: 'ms', ms: 1_767_225_600_123 });
  });

  it('leaves other numbers alone: counts, ids, far dates, long numbers', () => {
    for (const n of ['0', '42', '946684799', '4102444800', '99999999999', '-1767225600', '1e9'])
      expect(epochOf(n), n).toBeNull();
    expect(epochOf('1234567890123456789012345678901234567.8')).toBeNull();
  });

  it('formats UTC and local time with its offset', () => {
    expect(isoUtc(1_767_225_600_000)).toBe('2026-01-01T00:00:00Z');
    expect(isoUtc(1_767_225_600_123)).toBe('2026-01-01T00:00:00.123Z');
    expect(localTime(1_767_225_600_000, 60)).toBe('2026-01-01 01:00:00 +01:00');
    expect(localTime(1_767_225_600_000, -330)).toBe('2025-12-31 18:30:00 -05:30');
    expect(epochTitle('1767225600', 0)).toBe(
      'epoch seconds: 2026-01-01T00:00:00Z · local 2026-01-01 00:00:00 +00:00',
    );
    expect(epochTitle('1767225600250', 120)).toBe(
      'epoch milliseconds: 2026-01-01T00:00:00.250Z · local 2026-01-01 02:00:00.250 +02:00',
    );
    expect(epochTitle('12')).toBeNull();
  });
});
