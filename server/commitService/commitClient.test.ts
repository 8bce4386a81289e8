import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, expect, test } from 'vitest';
import { commitClientFor } from './commitClient';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

/** The host a client's next call would reach (the call is stopped before it leaves). */
async function hostOf(client: DynamoDBClient): Promise<string> {
  let host = '';
  client.middlewareStack.add(
    () => (args) => {
      host = (args.request as { hostname: string }).hostname;
      throw new Error('stopped before sending');
    },
    { step: 'finalizeRequest', name: 'captureHost' },
  );
  await client.send(new ListTablesCommand({ Limit: 1 })).catch(() => undefined);
  return host;
}

test('the commit client reaches the connection’s own endpoint, whatever AWS_ENDPOINT_URL says', async () => {
  process.env.AWS_ENDPOINT_URL = 'http://redirected.invalid:1';
  process.env.AWS_ENDPOINT_URL_DYNAMODB = 'http://redirected-dynamodb.invalid:1';
  // A profile connection's browse client, as connections/clients.ts builds it.
  const browse = new DynamoDBClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    ignoreConfiguredEndpointUrls: true,
  });
  expect(await hostOf(browse)).toBe('dynamodb.eu-west-1.amazonaws.com');
  const commit = await commitClientFor(browse);
  expect(await hostOf(commit)).toBe('dynamodb.eu-west-1.amazonaws.com');
});

test('an endpoint connection commits to its endpoint', async () => {
  process.env.AWS_ENDPOINT_URL_DYNAMODB = 'http://redirected-dynamodb.invalid:1';
  const browse = new DynamoDBClient({
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:4567',
    credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    ignoreConfiguredEndpointUrls: true,
  });
  expect(await hostOf(await commitClientFor(browse))).toBe('127.0.0.1');
});
