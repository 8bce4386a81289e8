import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
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
