/** DynamoDB number strings: parsing and normalisation without ever going through a JS number. */

export interface ParsedNumber {
  negative: boolean;
  /** Significant digits, no leading or trailing zeros; '' for zero. */
  digits: string;
  /** Value = 0.digits × 10^exponent (exponent of the first significant digit, plus one). */
  exponent: number;
}

const NUMBER_RE = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/;

/** Parses a decimal string; null when it is not a number DynamoDB would read. */
export function parseNumber(text: string): ParsedNumber | null {
  const m = NUMBER_RE.exec(text);
  if (!m) return null;
  const intPart = m[2] ?? '';
  const fracPart = m[3] ?? '';
  if (intPart === '' && fracPart === '') return null;
  const exp = m[4] ? Number(m[4]) : 0;
  if (!Number.isFinite(exp)) return null;
  const all = intPart + fracPart;
  const lead = all.search(/[1-9]/);
  if (lead < 0) return { negative: false, digits: '', exponent: 0 };
  const trimmed = all.slice(lead).replace(/0+$/, '');
  const exponent = intPart.length - lead + exp;
  return { negative: m[1] === '-', digits: trimmed, exponent };
}

/**
 * A number as the user typed it, ready to stage: a leading '+' dropped (DynamoDB reads "+5" as 5,
 * dynalite refuses the sign), everything else kept as written. Only for typed input: numbers read
 * from DynamoDB are never rewritten.
 */
export function withoutLeadingPlus(text: string): string {
  return text.startsWith('+') ? text.slice(1) : text;
}

/** A canonical string for a number: equal numbers give equal strings ("1.50", "15e-1" → "1.5"). */
export function normalizeNumber(text: string): string | null {
  const p = parseNumber(text);
  if (!p) return null;
  if (p.digits === '') return '0';
  const sign = p.negative ? '-' : '';
  const { digits, exponent } = p;
  if (exponent > 0 && exponent <= 40) {
    if (digits.length <= exponent) return sign + digits + '0'.repeat(exponent - digits.length);
    return sign + digits.slice(0, exponent) + '.' + digits.slice(exponent);
  }
  if (exponent <= 0 && exponent > -40) return sign + '0.' + '0'.repeat(-exponent) + digits;
  return `${sign}0.${digits}E${exponent}`;
}

/** Compares two valid number strings numerically: -1, 0 or 1. Invalid strings sort first. */
export function compareNumbers(a: string, b: string): number {
  const pa = parseNumber(a);
  const pb = parseNumber(b);
  if (!pa || !pb) return pa ? 1 : pb ? -1 : 0;
  const sa = pa.digits === '' ? 0 : pa.negative ? -1 : 1;
  const sb = pb.digits === '' ? 0 : pb.negative ? -1 : 1;
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (sa === 0) return 0;
  let mag: number;
  if (pa.exponent !== pb.exponent) mag = pa.exponent < pb.exponent ? -1 : 1;
  else {
    const len = Math.max(pa.digits.length, pb.digits.length);
    const da = pa.digits.padEnd(len, '0');
    const db = pb.digits.padEnd(len, '0');
    mag = da === db ? 0 : da < db ? -1 : 1;
  }
  return sa * mag;
}

/**
 * Significant digits of a number in plain decimal notation ("-12.50": 3, zero: 0), or -1 when `n`
 * is spelled otherwise (exponent, spaces, no digit at all). A leading '+' counts as plain only
 * when `plus` is true. A fast path for sizes: no allocation, one pass.
 */
export function plainSignificantDigits(n: string, plus = false): number {
  let first = -1;
  let last = -1;
  let dot = -1;
  let digits = 0;
  const c0 = n.charCodeAt(0);
  for (let i = c0 === 45 || (plus && c0 === 43) ? 1 : 0; i < n.length; i++) {
    const c = n.charCodeAt(i);
    if (c === 46) {
      if (dot >= 0) return -1;
      dot = i;
    } else if (c >= 48 && c <= 57) {
      digits++;
      if (c !== 48) {
        if (first < 0) first = i;
        last = i;
      }
    } else return -1;
  }
  if (digits === 0) return -1;
  if (first < 0) return 0;
  return last - first + 1 - (dot > first && dot < last ? 1 : 0);
}
