/** "Copy as" for staged changes: the PartiQL statements and the AWS CLI commands that make them. */
import type { StagedChange } from '../changes/types';
import { valuesEqual } from '../dynamo/equal';
import type { AttributeValue, Item } from '../dynamo/types';
import type { PartiqlEquivalent } from './query';
import { partiqlName, shellWord } from './quote';

function keyWhere(key: Item, parameters: AttributeValue[]): string {
  return Object.entries(key)
    .map(([k, v]) => {
      parameters.push(v);
      return `${partiqlName(k)} = ?`;
    })
    .join(' AND ');
}

/**
 * After the call, the statement makes the change with PartiQL: INSERT for a new item, UPDATE of
 * the changed attributes (SET and REMOVE) for an edit, DELETE for a delete; values are parameters.
 */
export function changeStatement(change: StagedChange): PartiqlEquivalent {
  const table = partiqlName(change.table);
  const parameters: AttributeValue[] = [];
  if (change.kind === 'delete') {
    return { statement: `DELETE FROM ${table} WHERE ${keyWhere(change.key, parameters)}`, parameters };
  }
  if (change.kind === 'put') {
    const fields = Object.entries(change.item).map(([k, v]) => {
      parameters.push(v);
      // Names in a VALUE tuple are string literals: single quotes, doubled inside.
      return `'${k.replace(/'/g, "''")}': ?`;
    });
    return { statement: `INSERT INTO ${table} VALUE {${fields.join(', ')}}`, parameters };
  }
  const sets: string[] = [];
  const removes: string[] = [];
  for (const [k, v] of Object.entries(change.item)) {
    if (k in change.key) continue;
    const before = change.original[k];
    if (before && valuesEqual(before, v)) continue;
    parameters.push(v);
    sets.push(`SET ${partiqlName(k)} = ?`);
  }
  for (const k of Object.keys(change.original)) if (!(k in change.item)) removes.push(`REMOVE ${partiqlName(k)}`);
  const actions = [...sets, ...removes].join(' ');
  return { statement: `UPDATE ${table} ${actions} WHERE ${keyWhere(change.key, parameters)}`.replace(/ {2,}/g, ' '), parameters };
}

/** After the call, the text is the `aws dynamodb put-item|delete-item` command that makes the change. */
export function changeCliCommand(change: StagedChange): string {
  if (change.kind === 'delete') {
    return `aws dynamodb delete-item --table-name ${shellWord(change.table)} --key ${shellWord(JSON.stringify(change.key))}`;
  }
  return `aws dynamodb put-item --table-name ${shellWord(change.table)} --item ${shellWord(JSON.stringify(change.item))}`;
}
