import type { AttributeValue } from '../dynamo/types';
import type { PathSegment } from './path';

/**
 * Hands out `#n0`, `#n1`… for attribute names (one per distinct name) and `:v0`, `:v1`… for values
 * (one per use), so that no name or value is ever spliced into an expression.
 */
export class Placeholders {
  private readonly names = new Map<string, string>();
  private readonly values: Record<string, AttributeValue> = {};
  private valueCount = 0;

  name(attribute: string): string {
    let ph = this.names.get(attribute);
    if (ph === undefined) {
      ph = `#n${this.names.size}`;
      this.names.set(attribute, ph);
    }
    return ph;
  }

  value(v: AttributeValue): string {
    const ph = `:v${this.valueCount++}`;
    this.values[ph] = v;
    return ph;
  }

  /** `#n0.#n1[0].#n2`: every name segment a placeholder, list indexes kept as `[n]`. */
  path(segments: PathSegment[]): string {
    return segments
      .map((s, i) => ('index' in s ? `[${s.index}]` : (i === 0 ? '' : '.') + this.name(s.name)))
      .join('');
  }

  /** ExpressionAttributeNames, or undefined when empty (DynamoDB rejects an empty map). */
  attributeNames(): Record<string, string> | undefined {
    if (this.names.size === 0) return undefined;
    const out: Record<string, string> = {};
    for (const [name, ph] of this.names) out[ph] = name;
    return out;
  }

  /** ExpressionAttributeValues (wire form), or undefined when empty. */
  attributeValues(): Record<string, AttributeValue> | undefined {
    return this.valueCount === 0 ? undefined : { ...this.values };
  }
}
