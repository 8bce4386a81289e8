/**
 * The light sender (lightSend.ts) answers exactly as the SDK path did: the same outcome for a
 * written call and a conflict (the server's image from ALL_OLD), and every failure classified the
 * same (throttling, 5xx, call-wide errors, dropped and hung connections, a failing credential
 * provider). Real dynalite behind the fault proxy; the SDK path is a plain client's (not a commit
 * client, so it never takes the light sender).
 */
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { expect, test } from 'vitest';
import { CLEAN, type FaultConfig } from '../../test-support/faultProxy/proxy';
import type { Item, KeySchema } from '../../shared/dynamo/types';
import { guardedCall, type GuardedCall } from '../../shared/plan/guarded';
import { toSdkItem } from '../sdk/convert';
import { createTable, useStack } from '../../test-support/fixtures/commitStack';
import { createCommitClient } from './client';
import { classifyFailure } from './errors';
import { lightSenderFor } from './lightSend';
import { sendGuarded } from './single';

const s = useStack(41);
const schema: KeySchema = { partitionKey: { name: 'id', type: 'S' } };
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const TABLE = 'LightSend';
// Names that a plain object would take from its prototype (dynalite refuses "__proto__" itself).
const loaded: Item = {
  id: { S: 'a' },
  status: { S: 'open' },
  constructor: { N: '7' },
  toString: { M: { valueOf: { S: 'inner' } } },
};
const update = (base: Item, status: string): GuardedCall => {
  const call = guardedCall(
    {
      id: 'x',
      table: TABLE,
      kind: 'put',
      item: { ...base, status: { S: status } },
      guard: { base },
    },
    schema,
  );
  if (!call) throw new Error('no call');
  return call;
};

const outcome = (client: DynamoDBClient, call: GuardedCall) =>
  sendGuarded(client, call).then(
    (r) => ({ ok: r }),
    (err: unknown) => ({ failure: classifyFailure(err) }),
  );

test('after its first call a commit client sends guarded calls light, with the answers of the SDK path', async () => {
  await createTable(s.direct, TABLE, schema);
  await s.direct.send(new PutItemCommand({ TableName: TABLE, Item: toSdkItem(loaded) }));
  const sdk = new DynamoDBClient({
    endpoint: s.proxy.endpoint,
    region: 'us-east-1',
    credentials,
    maxAttempts: 1,
  });
  try {
    expect(await outcome(s.client, update(loaded, 'open'))).toEqual({
      ok: { kind: 'written', capacity: 1 },
    });
    expect(lightSenderFor(s.client)).toBeDefined();
    expect(lightSenderFor(sdk)).toBeUndefined();
    expect(await outcome(s.client, update(loaded, 'open'))).toEqual(
      await outcome(sdk, update(loaded, 'open')),
    );
    // A stale base: a conflict with the server's whole image, prototype names included.
    const stale = { ...loaded, status: { S: 'stale' } };
    const light = await outcome(s.client, update(stale, 'x'));
    expect(light).toEqual({ ok: { kind: 'conflict', server: loaded, capacity: 1 } });
    expect(light).toEqual(await outcome(sdk, update(stale, 'x')));
    const faults: Partial<FaultConfig>[] = [
      { throttleFraction: 1 },
      { internalErrorFraction: 1 },
      { unavailableFraction: 1 },
      { dropBeforeFraction: 1 },
      { deny: [{ table: TABLE, error: 'AccessDeniedException' }] },
      { deny: [{ error: 'UnrecognizedClientException' }] },
      { deny: [{ error: 'ExpiredTokenException' }] },
      { deny: [{ table: TABLE, error: 'ResourceNotFoundException' }] },
    ];
    for (const f of faults) {
      s.proxy.setConfig(f);
      const viaSdk = await outcome(sdk, update(loaded, 'y'));
      expect(viaSdk, JSON.stringify(f)).toHaveProperty('failure');
      expect(await outcome(s.client, update(loaded, 'y')), JSON.stringify(f)).toEqual(viaSdk);
    }
    // An invalid request (a validation error from the server itself).
    s.proxy.setConfig(CLEAN);
    const bad = update(loaded, 'z');
    bad.input.UpdateExpression = 'SET';
    expect(await outcome(s.client, bad)).toEqual(await outcome(sdk, bad));
  } finally {
    sdk.destroy();
  }
});

test('a hung call is a network failure after the request timeout; a failing credential provider is call-wide', async () => {
  let fail = false;
  const provider = () =>
    fail
      ? Promise.reject(
          Object.assign(new Error('SSO session expired'), { name: 'CredentialsProviderError' }),
        )
      : // Expiring within the SDK's refresh window: the provider is asked before every call.
        Promise.resolve({ ...credentials, expiration: new Date(Date.now() + 1_000) });
  const config = { endpoint: s.proxy.endpoint, region: 'us-east-1', credentials: provider };
  const commit = createCommitClient(config, { requestTimeoutMs: 300 });
  const sdk = createCommitClient(config, { requestTimeoutMs: 300 });
  try {
    await createTable(s.direct, 'LightHang', schema);
    const call = () => ({
      ...update(loaded, 'open'),
      input: { ...update(loaded, 'open').input, TableName: 'LightHang' },
    });
    await s.direct.send(new PutItemCommand({ TableName: 'LightHang', Item: toSdkItem(loaded) }));
    await outcome(commit, call());
    expect(lightSenderFor(commit)).toBeDefined();
    s.proxy.setConfig({ hangFraction: 1, hangMs: 2_000 });
    const hung = await outcome(commit, call());
    expect(hung).toEqual({ failure: expect.objectContaining({ kind: 'network' }) });
    s.proxy.setConfig(CLEAN);
    fail = true;
    // `sdk` never sent a call: it still goes through the SDK.
    expect(await outcome(commit, call())).toEqual(await outcome(sdk, call()));
    expect(await outcome(commit, call())).toEqual({
      failure: expect.objectContaining({ kind: 'callWide', scope: 'credentials' }),
    });
  } finally {
    commit.destroy();
    sdk.destroy();
  }
});
