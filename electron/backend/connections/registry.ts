import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { ConnectionInfo } from '../../../shared/contract/connections';
import type { Sandbox } from '../sandbox/sandbox';

export const SANDBOX_ID = 'sandbox';

/** The connection list and the SDK client behind each id. Credentials never leave this object. */
export class ConnectionRegistry {
  constructor(private readonly sandbox: Sandbox) {}

  list(): ConnectionInfo[] {
    const s = this.sandbox.status();
    return [
      {
        id: SANDBOX_ID,
        name: 'Sandbox (local)',
        kind: 'sandbox',
        region: 'local',
        ...(s.endpoint ? { endpoint: s.endpoint } : {}),
      },
    ];
  }

  async client(connectionId: string): Promise<DynamoDBClient> {
    if (connectionId === SANDBOX_ID) return this.sandbox.client();
    const err = new Error(`Unknown connection "${connectionId}"`);
    err.name = 'NotFound';
    throw err;
  }
}
