import { TYPE_LABELS } from '../../../../../shared/dynamo/types';
import type { KeySchema } from '../../../../../shared/dynamo/types';
import type { KeyMapping } from '../../../../../shared/staging/copyMove';
import { keyAttributes } from '../../../../../shared/values/keyFields';

export interface KeyMappingFieldsProps {
  target: KeySchema;
  mapping: KeyMapping;
  /** Attribute names of the source items. */
  names: readonly string[];
  onChange(mapping: KeyMapping): void;
}

/** For each key attribute of the target table, the source attribute that supplies it. */
export function KeyMappingFields({ target, mapping, names, onChange }: KeyMappingFieldsProps) {
  return (
    <fieldset className="key-mapping">
      <legend>The key schemas differ: map source attributes onto the target key</legend>
      {keyAttributes(target).map((k) => (
        <label key={k.name} className="field">
          <span className="label">
            {k.name} <span className="muted">({TYPE_LABELS[k.type]})</span> takes
          </span>
          <select
            aria-label={`Source of ${k.name}`}
            value={mapping[k.name] ?? ''}
            onChange={(e) => onChange({ ...mapping, [k.name]: e.target.value })}
          >
            <option value="">Choose an attribute…</option>
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  );
}
