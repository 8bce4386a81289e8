import { useState } from 'react';
import type { ConditionCheck } from '../../../../shared/contract/commit';
import { checkLabel } from '../../../../shared/plan/atomicPlan';
import { selectOptions, useCommitStore } from '../../stores/commitStore';
import { commitActions } from './commitFlow';
import './atomic.css';

/** Parses `{"id":{"S":"x"}}` (DynamoDB JSON) into a key, or says what is wrong. */
function parseKey(text: string): { key: ConditionCheck['key'] } | { error: string } {
  try {
    const v = JSON.parse(text) as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v) || Object.keys(v).length === 0) return { error: 'The key must be a JSON object such as {"id":{"S":"x"}}' };
    for (const [n, a] of Object.entries(v)) {
      if (!a || typeof a !== 'object' || Object.keys(a).length !== 1 || !['S', 'N', 'B'].includes(Object.keys(a)[0]!))
        return { error: `Key attribute ${n} must be typed: {"S":"…"}, {"N":"…"} or {"B":"…"}` };
    }
    return { key: v as ConditionCheck['key'] };
  } catch (err) {
    return { error: `The key is not JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/**
 * Atomic mode's choices: each transaction all or nothing, or everything in one (up to 100
 * actions), and condition checks (an item that must exist, or must not) added to every transaction.
 */
export function AtomicOptions() {
  const o = useCommitStore(selectOptions);
  const [table, setTable] = useState('');
  const [keyText, setKeyText] = useState('');
  const [expect, setExpect] = useState<ConditionCheck['expect']>('exists');
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    if (table.trim() === '') return setError('Name the table of the item to check');
    const parsed = parseKey(keyText);
    if ('error' in parsed) return setError(parsed.error);
    setError(null);
    commitActions.setOptions({ conditionChecks: [...o.conditionChecks, { table: table.trim(), key: parsed.key, expect }] });
    setKeyText('');
  };
  return (
    <div className="atomic-options" role="group" aria-label="Atomic options">
      <div role="radiogroup" aria-label="Atomic scope">
        <label>
          <input type="radio" name="atomic-scope" checked={o.atomicScope === 'group'} onChange={() => commitActions.setOptions({ atomicScope: 'group' })} /> Each
          group all or nothing <span className="muted small">— a refused change is reported; the rest of its group is sent again without it</span>
        </label>
        <label>
          <input type="radio" name="atomic-scope" checked={o.atomicScope === 'all'} onChange={() => commitActions.setOptions({ atomicScope: 'all' })} /> Everything
          or nothing <span className="muted small">— one transaction: only possible up to 100 actions (a move is two)</span>
        </label>
      </div>
      <fieldset className="atomic-checks">
        <legend className="small">Also require (a ConditionCheck in every transaction)</legend>
        {o.conditionChecks.length > 0 && (
          <ul aria-label="Condition checks">
            {o.conditionChecks.map((c, i) => (
              <li key={`${c.table}-${JSON.stringify(c.key)}-${i}`}>
                {checkLabel(c)}{' '}
                <button type="button" className="link" aria-label={`Remove check ${checkLabel(c)}`} onClick={() => commitActions.setOptions({ conditionChecks: o.conditionChecks.filter((_, j) => j !== i) })}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <label>
          Table <input value={table} onChange={(e) => setTable(e.target.value)} size={12} />
        </label>{' '}
        <label>
          Key <input value={keyText} onChange={(e) => setKeyText(e.target.value)} placeholder='{"id":{"S":"x"}}' size={20} />
        </label>{' '}
        <label>
          Item{' '}
          <select value={expect} onChange={(e) => setExpect(e.target.value as ConditionCheck['expect'])}>
            <option value="exists">exists</option>
            <option value="absent">does not exist</option>
          </select>
        </label>{' '}
        <button type="button" onClick={add}>
          Add check
        </button>
        {error && (
          <p role="alert" className="small error">
            {error}
          </p>
        )}
      </fieldset>
    </div>
  );
}
