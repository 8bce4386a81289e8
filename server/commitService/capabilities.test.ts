import { expect, test } from 'vitest';
import { localClient } from '../../test-support/servers/dynalite';
import { useProxyStack } from '../../test-support/fixtures/faultProxyFixture';
import { transactionSupport } from './capabilities';

// dynalite behind the fault proxy, which counts the calls it is sent by operation.
const s = useProxyStack(11);

test('asks an endpoint once per client: the review opening again sends nothing', async () => {
  const client = localClient(s.proxy.endpoint, 1);
  try {
    const first = await transactionSupport(client, 'local');
    expect(first).toEqual({
      transactions: false,
      reason: 'This endpoint does not support transactions (TransactWriteItems)',
    });
    expect(await transactionSupport(client, 'local')).toEqual(first);
    expect(await transactionSupport(client, 'local')).toEqual(first);
    expect(s.proxy.counters.calls.TransactWriteItems).toBe(1);
    // Another client (a connection edited, the host restarted) asks again.
    const other = localClient(s.proxy.endpoint, 1);
    await transactionSupport(other, 'local');
    other.destroy();
    expect(s.proxy.counters.calls.TransactWriteItems).toBe(2);
  } finally {
    client.destroy();
  }
});

test('a check that could not be made is not kept: the next opening asks again', async () => {
  const client = localClient(s.proxy.endpoint, 1);
  try {
    s.proxy.setConfig({ deny: [{ error: 'UnrecognizedClientException' }] });
    expect(await transactionSupport(client, 'local')).toEqual({
      transactions: false,
      reason: 'Could not check for transactions: UnrecognizedClientException',
    });
    s.proxy.setConfig({ deny: [] });
    expect(await transactionSupport(client, 'local')).toEqual({
      transactions: false,
      reason: 'This endpoint does not support transactions (TransactWriteItems)',
    });
    expect(s.proxy.counters.denied).toEqual({ UnrecognizedClientException: 1 });
    expect(s.proxy.counters.calls.TransactWriteItems).toBe(2);
  } finally {
    client.destroy();
  }
});
