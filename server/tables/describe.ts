import type { TableDescription as SdkTable } from '@aws-sdk/client-dynamodb';
import type { KeySchema, KeyType } from '../../shared/dynamo/types';
import type { IndexDescription, TableDescription } from '../../shared/contract/tables';

type SdkKey = { AttributeName?: string; KeyType?: string }[] | undefined;

function keySchema(keys: SdkKey, types: Map<string, KeyType>): KeySchema {
  const hash = keys?.find((k) => k.KeyType === 'HASH')?.AttributeName ?? '';
  const range = keys?.find((k) => k.KeyType === 'RANGE')?.AttributeName;
  return {
    partitionKey: { name: hash, type: types.get(hash) ?? 'S' },
    ...(range ? { sortKey: { name: range, type: types.get(range) ?? 'S' } } : {}),
  };
}

/** Maps DescribeTable's answer (and DescribeTimeToLive's) to the contract's table description. */
export function toTableDescription(
  t: SdkTable,
  ttl: { status: string; attribute?: string },
): TableDescription {
  const types = new Map<string, KeyType>();
  for (const a of t.AttributeDefinitions ?? []) {
    types.set(a.AttributeName ?? '', (a.AttributeType ?? 'S') as KeyType);
  }
  const projection = (p: { ProjectionType?: string; NonKeyAttributes?: string[] } | undefined) => ({
    type: (p?.ProjectionType ?? 'ALL') as 'ALL' | 'KEYS_ONLY' | 'INCLUDE',
    ...(p?.NonKeyAttributes ? { nonKeyAttributes: p.NonKeyAttributes } : {}),
  });
  const indexes: IndexDescription[] = [
    ...(t.GlobalSecondaryIndexes ?? []).map((g) => ({
      name: g.IndexName ?? '',
      kind: 'GSI' as const,
      key: keySchema(g.KeySchema, types),
      projection: projection(g.Projection),
      ...(g.IndexStatus ? { status: g.IndexStatus } : {}),
    })),
    ...(t.LocalSecondaryIndexes ?? []).map((l) => ({
      name: l.IndexName ?? '',
      kind: 'LSI' as const,
      key: keySchema(l.KeySchema, types),
      projection: projection(l.Projection),
    })),
  ];
  const billing = t.BillingModeSummary?.BillingMode ?? (t.ProvisionedThroughput?.ReadCapacityUnits ? 'PROVISIONED' : 'PAY_PER_REQUEST');
  return {
    name: t.TableName ?? '',
    status: t.TableStatus ?? 'UNKNOWN',
    key: keySchema(t.KeySchema, types),
    attributeDefinitions: (t.AttributeDefinitions ?? []).map((a) => ({
      name: a.AttributeName ?? '',
      type: (a.AttributeType ?? 'S') as KeyType,
    })),
    indexes,
    billingMode: billing === 'PROVISIONED' ? 'PROVISIONED' : 'PAY_PER_REQUEST',
    ...(billing === 'PROVISIONED'
      ? {
          provisioned: {
            read: t.ProvisionedThroughput?.ReadCapacityUnits ?? 0,
            write: t.ProvisionedThroughput?.WriteCapacityUnits ?? 0,
          },
        }
      : {}),
    ...(t.ItemCount !== undefined ? { itemCount: t.ItemCount } : {}),
    ...(t.TableSizeBytes !== undefined ? { sizeBytes: t.TableSizeBytes } : {}),
    stream: {
      enabled: t.StreamSpecification?.StreamEnabled ?? false,
      ...(t.StreamSpecification?.StreamViewType ? { viewType: t.StreamSpecification.StreamViewType } : {}),
    },
    ttl,
    ...(t.CreationDateTime ? { createdAt: t.CreationDateTime.toISOString() } : {}),
    ...(t.TableArn ? { arn: t.TableArn } : {}),
  };
}
