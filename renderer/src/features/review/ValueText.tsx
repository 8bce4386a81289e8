import { formatValue } from '../../../../shared/dynamo/format';
import { typeOf } from '../../../../shared/dynamo/types';
import type { AttributeValue } from '../../../../shared/dynamo/types';
import { valueText } from '../../../../shared/values/jsonValue';

const MAX = 160;

/** The text of a value in the review: strings and numbers as stored, maps and lists as compact JSON. */
export function valueLine(v: AttributeValue): string {
  let text: string;
  if ('M' in v || 'L' in v) text = valueText(v, 'plain').replace(/\n\s*/g, ' ');
  else if ('S' in v) text = JSON.stringify(v.S);
  else text = formatValue(v);
  return text.length > MAX
    ? `${text.slice(0, MAX - 1)}… (${text.length.toLocaleString('en-US')} chars)`
    : text;
}

/** A value with its type badge. */
export function ValueText({ value, className }: { value: AttributeValue; className?: string }) {
  return (
    <span className={`value-text ${className ?? ''}`}>
      <span className="badge">{typeOf(value)}</span>{' '}
      <span className="mono">{valueLine(value)}</span>
    </span>
  );
}
