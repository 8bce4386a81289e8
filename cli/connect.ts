/** SDK clients for the CLI, and the key schema of each table via DescribeTable. */
import {
  DescribeTableCommand,
  DynamoDBClient,
  type DynamoDBClientConfig,
} from '@aws-sdk/client-dynamodb';
import { fromIni } from '@aws-sdk/credential-providers';
import type { KeySchema, KeyType } from '../shared/dynamo/types';
import { createCommitClient } from '../server/commitEngine/client';
import { errorLabel } from '../server/commitEngine/errors';
import type { TableShape } from '../shared/validation/writes';

export interface Target {
  endpoint?: string;
  profile?: string;
  region?: string;
}

/**
 * The client configuration: a profile's credentials with --profile; with --endpoint alone the
 * environment's keys, or dummy ones for a local endpoint; otherwise the SDK's default chain.
 */
export function clientConfig(t: Target, env: NodeJS.ProcessEnv): DynamoDBClientConfig {
  const config: DynamoDBClientConfig = {};
  const region = t.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (region) config.region = region;
  else if (t.endpoint) config.region = 'us-east-1';
  if (t.endpoint) config.endpoint = t.endpoint;
  if (t.profile) config.credentials = fromIni({ profile: t.profile });
  else if (t.endpoint && !env.AWS_ACCESS_KEY_ID) {
    config.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  }
  if (t.profile && !region) config.profile = t.profile; // lets the SDK read the profile's region
  return config;
}

export interface Clients {
  /** For the commit: SDK retries off, the executor retries. */
  commit: DynamoDBClient;
  /** For DescribeTable: ordinary SDK retries. */
  control: DynamoDBClient;
  destroy(): void;
}

export function makeClients(t: Target, env: NodeJS.ProcessEnv): Clients {
  const config = clientConfig(t, env);
  const commit = createCommitClient(config);
  const control = new DynamoDBClient({ ...config, maxAttempts: 3 });
  return {
    commit,
    control,
    destroy: () => {
      commit.destroy();
      control.destroy();
    },
  };
}

export class SetupError extends Error {}

type KeyElements = { AttributeName?: string; KeyType?: string }[] | undefined;

/**
 * Key schemas of the tables, and their shapes with index keys for validation; tables that do not
 * exist are listed apart. Other errors throw.
 */
export async function describeKeys(
  client: DynamoDBClient,
  tables: string[],
): Promise<{
  schemas: Record<string, KeySchema>;
  shapes: Record<string, TableShape>;
  missing: string[];
}> {
  const schemas: Record<string, KeySchema> = {};
  const shapes: Record<string, TableShape> = {};
  const missing: string[] = [];
  for (const table of tables) {
    try {
      const out = await client.send(new DescribeTableCommand({ TableName: table }));
      const t = out.Table;
      const type = (name: string | undefined): KeyType =>
        (t?.AttributeDefinitions?.find((a) => a.AttributeName === name)?.AttributeType ??
          'S') as KeyType;
      const keyOf = (elements: KeyElements): KeySchema | null => {
        const hash = elements?.find((k) => k.KeyType === 'HASH')?.AttributeName;
        const range = elements?.find((k) => k.KeyType === 'RANGE')?.AttributeName;
        if (!hash) return null;
        return {
          partitionKey: { name: hash, type: type(hash) },
          ...(range ? { sortKey: { name: range, type: type(range) } } : {}),
        };
      };
      const key = keyOf(t?.KeySchema);
      if (!key) throw new SetupError(`DescribeTable ${table} returned no key schema`);
      schemas[table] = key;
      const indexes = [...(t?.GlobalSecondaryIndexes ?? []), ...(t?.LocalSecondaryIndexes ?? [])]
        .map((i) => ({ name: i.IndexName ?? '', key: keyOf(i.KeySchema) }))
        .filter((i): i is { name: string; key: KeySchema } => i.key !== null);
      shapes[table] = { key, indexes };
    } catch (err) {
      if ((err as { name?: string }).name === 'ResourceNotFoundException') missing.push(table);
      else if (err instanceof SetupError) throw err;
      else throw new SetupError(`cannot describe table ${table}: ${errorLabel(err)}`);
    }
  }
  return { schemas, shapes, missing };
}
