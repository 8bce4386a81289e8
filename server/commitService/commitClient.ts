import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createCommitClient } from '../commitEngine/client';

/**
 * A client for the executor built from a connection's client: same region, endpoint and credential
 * provider (credentials never leave the backend), but SDK retries off, since the executor retries.
 */
export async function commitClientFor(client: DynamoDBClient): Promise<DynamoDBClient> {
  const region = await client.config.region();
  const endpoint = client.config.endpoint ? await client.config.endpoint() : undefined;
  return createCommitClient({
    region,
    credentials: client.config.credentials,
    // Browse, drift reads and commit reach the same endpoint: the connection's own, never one that
    // AWS_ENDPOINT_URL(_DYNAMODB) or a profile's endpoint_url names behind its back.
    ignoreConfiguredEndpointUrls: true,
    ...(endpoint
      ? {
          endpoint: `${endpoint.protocol}//${endpoint.hostname}${endpoint.port ? ':' + endpoint.port : ''}${endpoint.path}`,
        }
      : {}),
  });
}
