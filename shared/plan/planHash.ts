/**
 * A 128-bit string hash fed in pieces (cyrb128, a public-domain MurmurHash3-style mix over UTF-16
 * code units): pure JS, the same answer in the renderer, the backend and the CLI. Not a
 * cryptographic hash: it names a plan so that two sides can tell whether they hold the same one.
 */
export class PlanHasher {
  private h1 = 1779033703;
  private h2 = 3144134277;
  private h3 = 1013904242;
  private h4 = 2773480762;
  private length = 0;

  /** Afterwards the hash covers every code unit of `s`, after everything fed before. */
  update(s: string): this {
    let { h1, h2, h3, h4 } = this;
    for (let i = 0; i < s.length; i++) {
      const k = s.charCodeAt(i);
      h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
      h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
      h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
      h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
    }
    this.h1 = h1;
    this.h2 = h2;
    this.h3 = h3;
    this.h4 = h4;
    this.length += s.length;
    return this;
  }

  /** The hash of everything fed so far as 32 hex digits (the state is left as it was). */
  digest(): string {
    let { h1, h2, h3, h4 } = this;
    // The length is mixed in so that a prefix never hashes like the whole.
    h1 ^= this.length;
    h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
    h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
    h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
    h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
    h1 ^= h2 ^ h3 ^ h4;
    h2 ^= h1;
    h3 ^= h1;
    h4 ^= h1;
    return [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
  }
}

/** Where canonical text goes: a hasher, or a list of parts. */
export interface Sink {
  update(s: string): unknown;
}

/**
 * Feeds `value` to `sink` in canonical form: object keys sorted (so attribute order does not
 * matter), every own key kept (`__proto__` included), strings length-prefixed (no escaping, no
 * ambiguity), arrays in order, undefined left out. No string of the whole is built.
 */
export function feedCanonical(sink: Sink, value: unknown): void {
  if (typeof value === 'string') {
    sink.update(`${value.length}"`);
    sink.update(value);
  } else if (value === null || typeof value !== 'object') {
    sink.update(String(value));
  } else if (Array.isArray(value)) {
    sink.update('[');
    for (const v of value) {
      feedCanonical(sink, v);
      sink.update(',');
    }
    sink.update(']');
  } else {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length > 1) keys.sort();
    sink.update('{');
    for (const k of keys) {
      const v = o[k];
      if (v === undefined) continue;
      feedCanonical(sink, k);
      sink.update(':');
      feedCanonical(sink, v);
      sink.update(',');
    }
    sink.update('}');
  }
}

/** `value` in the canonical form feedCanonical gives, as one string. */
export function canonical(value: unknown): string {
  const parts: string[] = [];
  feedCanonical({ update: (s) => parts.push(s) }, value);
  return parts.join('');
}
