/** The SDK client the executor wants: SDK retries off (the executor's loop retries), timeouts on. */
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';

/** Sockets per host: above both lanes' default ceilings together (32 + 128). */
export const COMMIT_MAX_SOCKETS = 256;

export interface CommitClientTimeouts {
  /** Socket idle time before a call counts as a dropped connection (default 30 s). */
  requestTimeoutMs?: number;
  connectionTimeoutMs?: number;
}

export interface CommitClientSettings {
  requestTimeoutMs: number;
  connectionTimeoutMs: number;
  maxSockets: number;
}

/** The settings of the clients made here (the guarded lane's light sender uses the same). */
const made = new WeakMap<DynamoDBClient, CommitClientSettings>();

/** The settings a commit client was made with; undefined for any other client. */
export const commitClientSettings = (client: DynamoDBClient): CommitClientSettings | undefined =>
  made.get(client);

/** A DynamoDBClient with maxAttempts 1 and request timeouts, from any client configuration. */
export function createCommitClient(
  config: DynamoDBClientConfig,
  timeouts: CommitClientTimeouts = {},
): DynamoDBClient {
  const client = new DynamoDBClient({
    ...config,
    maxAttempts: 1,
    requestHandler: {
      requestTimeout: timeouts.requestTimeoutMs ?? 30_000,
      connectionTimeout: timeouts.connectionTimeoutMs ?? 5_000,
      // Without it the SDK only logs a warning and a hung call never ends (outcome unknown: resent).
      throwOnRequestTimeout: true,
      // The SDK's agents hold 50 sockets: guarded writes at 100 ms need more calls in flight.
      httpAgent: { maxSockets: COMMIT_MAX_SOCKETS },
      httpsAgent: { maxSockets: COMMIT_MAX_SOCKETS },
    },
  });
  made.set(client, {
    requestTimeoutMs: timeouts.requestTimeoutMs ?? 30_000,
    connectionTimeoutMs: timeouts.connectionTimeoutMs ?? 5_000,
    maxSockets: COMMIT_MAX_SOCKETS,
  });
  return client;
}
