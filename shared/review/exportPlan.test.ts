import { describe, expect, it } from 'vitest';
import { applyEdit } from '../changes/apply';
import { emptyStaging, tableRef } from '../changes/types';
import type { Edit } from '../changes/types';
import type { ConnectionInfo } from '../contract/connections';
import type { KeySchema } from '../dynamo/types';
import { fromRequestItems } from '../plan/requestItems';
import { SCRIPT_NAME, exportPlanFiles } from './exportPlan';
import { PlannerSession } from '../plan/session';
import { planStaged } from './planStaged';

const schema: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
const schemas = { [tableRef('sandbox', 'T')]: schema, [tableRef('prod', 'T')]: schema };
const sandbox: ConnectionInfo = {
  id: 'sandbox',
  name: 'Sandbox',
  kind: 'sandbox',
  source: 'builtin',
  region: 'local',
  endpoint: 'http://127.0.0.1:4567',
};
const prod: ConnectionInfo = {
  id: 'prod',
  name: 'Prod',
  kind: 'profile',
  source: 'config',
  region: 'eu-west-1',
  profile: "o'brien",
};

function staged(n: number, conns: string[]) {
  const edits: Edit[] = [];
  for (const c of conns)
    for (let i = 0; i < n; i++)
      edits.push({
        type: 'putItem',
        connectionId: c,
        table: 'T',
        item: { id: { S: `${c}-${i}` } },
      });
  return planStaged(
    applyEdit(emptyStaging, { type: 'batch', edits }, schemas).changes,
    schemas,
    new PlannerSession(),
  );
}

describe('exportPlanFiles', () => {
  it('writes one request-items file per BatchWriteItem call, 25 requests at most, plus a script', () => {
    const files = exportPlanFiles(staged(60, ['sandbox']), [sandbox]);
    expect(files.map((f) => f.name)).toEqual([
      'put-0001.json',
      'put-0002.json',
      'put-0003.json',
      SCRIPT_NAME,
    ]);
    const first = JSON.parse(files[0]!.json) as Record<string, unknown[]>;
    expect(first.T).toHaveLength(25);
    expect(fromRequestItems(first).every((op) => op.kind === 'put')).toBe(true);
    expect(files[3]!.json).toContain(
      "run 'put-0001.json' --region 'local' --endpoint-url 'http://127.0.0.1:4567'",
    );
  });

  it('prefixes names per connection when the plan spans several, quoting shell arguments', () => {
    const files = exportPlanFiles(staged(2, ['sandbox', 'prod']), [sandbox, prod]);
    expect(files.map((f) => f.name)).toEqual([
      'sandbox-put-0001.json',
      'prod-put-0001.json',
      SCRIPT_NAME,
    ]);
    expect(files[2]!.json).toContain(
      `run 'prod-put-0001.json' --region 'eu-west-1' --profile 'o'\\''brien'`,
    );
  });
});
