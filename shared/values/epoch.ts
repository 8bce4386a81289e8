/**
 * Numbers that read as dates: epoch seconds and epoch milliseconds between 2000 and 2100 (so an
 * id or a count is not taken for a date), as ISO 8601 UTC and as local time.
 */

const S_MIN = 946_684_800; // 2000-01-01T00:00:00Z
const S_MAX = 4_102_444_800; // 2100-01-01T00:00:00Z

export type EpochUnit = 's' | 'ms';

export interface EpochDate {
  unit: EpochUnit;
  /** Milliseconds since 1970-01-01T00:00:00Z. */
  ms: number;
}

const NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** The date a DynamoDB number (its string form) stands for, or null when it is not an epoch. */
export function epochOf(n: string): EpochDate | null {
  if (n.length > 20 || !NUMBER.test(n)) return null;
  const v = Number(n);
  if (v >= S_MIN && v < S_MAX) return { unit: 's', ms: Math.round(v * 1000) };
  if (v >= S_MIN * 1000 && v < S_MAX * 1000) return { unit: 'ms', ms: Math.round(v) };
  return null;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** ISO 8601 in UTC, milliseconds only when there are any: 2026-01-01T00:00:00Z. */
export function isoUtc(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? iso.slice(0, -5) + 'Z' : iso;
}

/**
 * Local time with its offset: 2026-01-01 01:00:00 +01:00. `offsetMinutes` is the zone's offset
 * east of UTC at that instant (the opposite sign of Date#getTimezoneOffset); by default the
 * runtime's zone.
 */
export function localTime(ms: number, offsetMinutes = -new Date(ms).getTimezoneOffset()): string {
  const d = new Date(ms + offsetMinutes * 60_000);
  const frac = d.getUTCMilliseconds() ? `.${pad(d.getUTCMilliseconds(), 3)}` : '';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const off = Math.abs(offsetMinutes);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${frac} ` +
    `${sign}${pad(Math.floor(off / 60))}:${pad(off % 60)}`
  );
}

/** The hover text of a number that is an epoch ("epoch seconds: <ISO> · local <time>"), or null. */
export function epochTitle(n: string, offsetMinutes?: number): string | null {
  const e = epochOf(n);
  if (!e) return null;
  const unit = e.unit === 's' ? 'epoch seconds' : 'epoch milliseconds';
  return `${unit}: ${isoUtc(e.ms)} · local ${localTime(e.ms, offsetMinutes)}`;
}
