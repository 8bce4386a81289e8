import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AddressInfo } from 'node:net';
import { closeServer, startDynaliteServer } from '../../server/sandbox/dynaliteServer';

export interface LocalDynamo {
  endpoint: string;
  close(): Promise<void>;
}

/** Starts dynalite in-process on a free loopback port (in memory unless `path` is given). */
export async function startDynalite(path?: string): Promise<LocalDynamo> {
  const server = await startDynaliteServer({ port: 0 }, path);
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => closeServer(server),
  };
}

/** An SDK client for a local endpoint, with dummy credentials and few SDK-level retries. */
export function localClient(endpoint: string, maxAttempts = 3): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts,
  });
}

/**
 * Resolves once table `name` is ACTIVE. dynalite answers CreateTable before it stores the table
 * as ACTIVE (a timer, even at 0 ms, then a write), and refuses a call that comes first with
 * ResourceNotFoundException, as DynamoDB refuses one while a table is CREATING (seen in CI:
 * links.test, proxy.errors.test).
 */
export async function tableActive(client: DynamoDBClient, name: string): Promise<void> {
  while ((await client.send(new DescribeTableCommand({ TableName: name }))).Table?.TableStatus !== 'ACTIVE') {
    await new Promise((r) => setTimeout(r, 5));
  }
}
