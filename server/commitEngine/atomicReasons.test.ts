/** CancellationReasons mapped to operations (the shape DynamoDB answers, in action order). */
import { expect, test } from 'vitest';
import type { PlanInput } from '../../shared/plan/types';
import { outcomesFromReasons } from './atomicReasons';

const schemas = { Tickets: { partitionKey: { name: 'id', type: 'S' as const } } };
const put = (i: number): PlanInput => ({ id: `c${i}`, table: 'Tickets', kind: 'put', item: { id: { S: `t${i}` }, body: { S: 'x' } }, guard: { base: null } });

test('a validation reason names its item; the others are canceled naming it', () => {
  const out = outcomesFromReasons(
    [put(1), put(2), put(3)],
    [{ Code: 'None' }, { Code: 'ValidationError', Message: 'Item size has exceeded the maximum allowed size' }, { Code: 'None' }],
    [],
    schemas,
  );
  expect(out.c2).toEqual({ status: 'failed', reason: 'ValidationError on Tickets {"id":{"S":"t2"}}: Item size has exceeded the maximum allowed size' });
  expect(out.c1).toEqual({ status: 'canceled', reason: 'Not written: its transaction was canceled because Tickets {"id":{"S":"t2"}} failed' });
  expect(out.c3).toEqual(out.c1);
});

test('ConditionalCheckFailed is a conflict with the server image; a failed condition check cancels all and is named', () => {
  const conflict = outcomesFromReasons([put(1), put(2)], [{ Code: 'ConditionalCheckFailed', Message: 'The conditional request failed', Item: { id: { S: 't1' }, old: { BOOL: true } } as never }, { Code: 'None' }], [], schemas);
  expect(conflict.c1).toEqual({ status: 'conflict', reason: 'The conditional request failed', server: { id: { S: 't1' }, old: { BOOL: true } } });
  const check = outcomesFromReasons([put(1)], [{ Code: 'None' }, { Code: 'ConditionalCheckFailed' }], ['Flags id=open exists'], schemas);
  expect(check.c1).toEqual({ status: 'canceled', reason: 'Not written: its transaction was canceled because the condition check "Flags id=open exists" failed' });
});
