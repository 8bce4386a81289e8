/**
 * Commit throughput: the engine against the usual ways of writing many items, with dynalite in
 * its own process behind the fault proxy (10 ms latency), itself in a third process so that it
 * takes no CPU from the writer being measured. Prints a table, the ratios against the
 * targets, and as its last line one JSON object with every figure. Every run checks by a scan
 * that the table holds exactly what was written.
 */
import {
  CreateTableCommand,
  DynamoDBClient,
  ScanCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { CLEAN, type FaultConfig } from '../e2e/support/faultProxy';
import { createCommitClient } from '../electron/backend/commit/client';
import { executeCommit } from '../electron/backend/commit/executor';
import type { PlanInput } from '../shared/plan/types';
import { startDynaliteProcess, startProxyProcess, type RemoteProxy } from './support/remote';
import { boto3Style, naiveConcurrent, sequentialPuts, type Row } from './support/writers';

const ITEMS = 10_000;
const SEQUENTIAL_ITEMS = 1_000;
const LATENCY_MS = 10;
const CAPACITY = 2_000;
const BURST = 50;
const schema = { partitionKey: { name: 'id', type: 'S' as const } };
const credentials = { accessKeyId: 'bench', secretAccessKey: 'bench' };

/** ~1 KB items: a key and a padded payload. */
function rows(n: number, run: string): Row[] {
  return Array.from({ length: n }, (_, i) => ({
    id: { S: `${run}-${String(i).padStart(6, '0')}` },
    payload: { S: `${i}:`.padEnd(990, 'x') },
  }));
}

interface Figure {
  items: number;
  seconds: number;
  itemsPerSecond: number;
  calls: number;
  /** Engine runs: seconds until 99% of the items were written (the rest is the retry tail). */
  secondsTo99?: number;
}

let tableNo = 0;

async function run(
  name: string,
  direct: DynamoDBClient,
  proxy: RemoteProxy | null,
  faults: Partial<FaultConfig>,
  n: number,
  write: (table: string, data: Row[]) => Promise<void | Partial<Figure>>,
): Promise<Figure> {
  const table = `Bench${++tableNo}`;
  await direct.send(
    new CreateTableCommand({
      TableName: table,
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  const data = rows(n, name);
  await proxy?.configure({ ...CLEAN, ...faults });
  await proxy?.reset();
  const t0 = performance.now();
  const extra = (await write(table, data)) ?? {};
  const seconds = (performance.now() - t0) / 1000;
  const counters = await proxy?.counters();
  const calls = counters ? (counters.calls.BatchWriteItem ?? counters.calls.PutItem ?? 0) : 0;
  const count = await countItems(direct, table);
  if (count !== n) throw new Error(`${name}: ${count} items on the server, ${n} written`);
  const fig: Figure = { items: n, seconds, itemsPerSecond: n / seconds, calls, ...extra };
  const to99 = fig.secondsTo99 !== undefined ? `  99% at ${fig.secondsTo99.toFixed(2)} s` : '';
  console.error(
    `${name.padEnd(22)} ${fig.itemsPerSecond.toFixed(0).padStart(7)} items/s  ${seconds.toFixed(2)} s  ${calls || '-'} calls${to99}  (scan: ${count})`,
  );
  return fig;
}

async function countItems(client: DynamoDBClient, table: string): Promise<number> {
  let count = 0;
  let start: Record<string, AttributeValue> | undefined;
  do {
    const out = await client.send(
      new ScanCommand({ TableName: table, Select: 'COUNT', ExclusiveStartKey: start }),
    );
    count += out.Count ?? 0;
    start = out.LastEvaluatedKey;
  } while (start);
  return count;
}

async function engine(
  client: DynamoDBClient,
  table: string,
  data: Row[],
): Promise<Partial<Figure>> {
  const ops: PlanInput[] = data.map((item, i) => ({ id: String(i), table, kind: 'put', item }));
  const t0 = performance.now();
  let written = 0;
  let secondsTo99 = 0;
  const report = await executeCommit(
    client,
    ops,
    { [table]: schema },
    {},
    {
      onOutcome: (_, o) => {
        if (o.status === 'written' && ++written === Math.ceil(data.length * 0.99)) {
          secondsTo99 = (performance.now() - t0) / 1000;
        }
      },
    },
  );
  if (report.written.length !== data.length) {
    throw new Error(`engine: ${report.failed.length} failed, ${report.canceled.length} canceled`);
  }
  return { secondsTo99 };
}

async function main() {
  const server = await startDynaliteProcess();
  const proxy = await startProxyProcess(server.endpoint, 2024);
  const region = 'us-east-1';
  const direct = new DynamoDBClient({ endpoint: server.endpoint, region, credentials });
  const viaProxy = new DynamoDBClient({
    endpoint: proxy.endpoint,
    region,
    credentials,
    maxAttempts: 1,
  });
  const commitClient = createCommitClient({ endpoint: proxy.endpoint, region, credentials });
  const lat = { latencyMs: LATENCY_MS };
  const capacity = { ...lat, writeCapacity: CAPACITY, writeBurst: BURST };
  try {
    // Warm up connections and the JIT so the first measured run is not penalised.
    await run('warmup', direct, proxy, lat, 2_000, (t, d) => engine(commitClient, t, d));

    const sequential = await run(
      'sequential PutItem',
      direct,
      proxy,
      lat,
      SEQUENTIAL_ITEMS,
      (t, d) => sequentialPuts(viaProxy, t, d),
    );
    const boto3 = await run('boto3-style writer', direct, proxy, lat, ITEMS, async (t, d) => {
      await boto3Style(viaProxy, t, d);
    });
    // The ceiling: raw calls, 8 in flight, on the engine's path (through the proxy) minus the
    // latency; the direct figure (no proxy process) is printed for reference.
    const ceiling = await run('ceiling (raw 8, 0 ms)', direct, proxy, {}, ITEMS, async (t, d) => {
      await naiveConcurrent(viaProxy, t, d, 8);
    });
    const ceilingDirect = await run('ceiling, no proxy', direct, null, {}, ITEMS, async (t, d) => {
      await naiveConcurrent(direct, t, d, 8);
    });
    const clean = await run('engine clean', direct, proxy, lat, ITEMS, (t, d) =>
      engine(commitClient, t, d),
    );
    const unprocessed30 = await run(
      'engine 30% unprocessed',
      direct,
      proxy,
      { ...lat, unprocessedFraction: 0.3 },
      ITEMS,
      (t, d) => engine(commitClient, t, d),
    );
    const capEngine = await run(`engine @ ${CAPACITY}/s`, direct, proxy, capacity, ITEMS, (t, d) =>
      engine(commitClient, t, d),
    );
    const capNaive = await run(
      `naive 8 @ ${CAPACITY}/s`,
      direct,
      proxy,
      capacity,
      ITEMS,
      async (t, d) => {
        await naiveConcurrent(viaProxy, t, d, 8);
      },
    );

    const ratios = {
      cleanVsBoto3: clean.itemsPerSecond / boto3.itemsPerSecond,
      cleanVsCeiling: clean.itemsPerSecond / ceiling.itemsPerSecond,
      capacityUse: capEngine.itemsPerSecond / CAPACITY,
      capacityCallsVsNaive: capEngine.calls / capNaive.calls,
      boto3VsSequential: boto3.itemsPerSecond / sequential.itemsPerSecond,
    };
    const targets = {
      cleanVsBoto3: ratios.cleanVsBoto3 >= 4,
      cleanVsCeiling: ratios.cleanVsCeiling >= 0.7,
      capacityUse: ratios.capacityUse >= 0.8,
      capacityCallsVsNaive: ratios.capacityCallsVsNaive <= 0.5,
    };
    console.error('');
    console.error(
      `engine clean / boto3-style     ${ratios.cleanVsBoto3.toFixed(2)}x  (target >= 4)`,
    );
    console.error(
      `engine clean / ceiling         ${ratios.cleanVsCeiling.toFixed(2)}x  (target >= 0.7)`,
    );
    console.error(
      `engine / capacity ${CAPACITY}/s     ${ratios.capacityUse.toFixed(2)}x  (target >= 0.8)`,
    );
    console.error(
      `engine calls / naive calls     ${ratios.capacityCallsVsNaive.toFixed(2)}   (target <= 0.5)`,
    );
    const figures = {
      sequential,
      boto3,
      ceiling,
      ceilingDirect,
      clean,
      unprocessed30,
      capEngine,
      capNaive,
    };
    console.log(
      JSON.stringify({
        latencyMs: LATENCY_MS,
        capacity: CAPACITY,
        burst: BURST,
        ...figures,
        ratios,
        targets,
      }),
    );
  } finally {
    direct.destroy();
    viaProxy.destroy();
    commitClient.destroy();
    proxy.stop();
    server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
