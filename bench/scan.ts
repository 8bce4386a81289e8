/**
 * Load-all throughput: the backend's items:loadAll (the code the app runs) against a raw AWS SDK
 * Scan loop, both reading the same 100,000-item table from dynalite in its own process.
 * Prints items/s for each and their ratio; the last line is one JSON object.
 */
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  ScanCommand,
  type AttributeValue as SdkValue,
  type DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { BackendEvent } from '../shared/contract';
import type { ItemsEvent } from '../shared/contract/items';
import { itemSize } from '../shared/dynamo/size';
import type { Item } from '../shared/dynamo/types';
import type { BackendContext } from '../server/context';
import { fromSdkItem, toSdkItem } from '../server/sdk/convert';
import { itemsHandlers } from '../server/items/handlers';
import { runPool } from './support/pool';
import { localClient } from '../test-support/servers/dynalite';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const WRITERS = 8;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TABLE = 'BenchScan';
/** Bytes of JSON the serialising runs produced (reported, so the work is observable). */
let jsonBytes = 0;

const DYNALITE = `
const server = require('dynalite')({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

async function startDynaliteProcess(): Promise<{ endpoint: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['-e', DYNALITE], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const port = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`dynalite exited with ${code}`)));
    lines.once('line', resolve);
  });
  return { endpoint: `http://127.0.0.1:${port.trim()}`, child };
}

function benchItem(i: number): Item {
  return {
    id: { S: `item-${String(i).padStart(7, '0')}` },
    status: { S: ['open', 'pending', 'closed'][i % 3] as string },
    createdAt: { N: String(1_700_000_000_000 + i) },
    amount: { N: `${i % 1000}.${String(i % 97).padStart(2, '0')}` },
    name: { S: `Customer ${i % 5000}` },
    tags: { L: [{ S: 'bench' }, { S: `t${i % 13}` }] },
    meta: { M: { region: { S: 'eu-west-1' }, vip: { BOOL: i % 10 === 0 } } },
    body: { S: `Ticket body ${i} `.padEnd(220, 'lorem ipsum ') },
  };
}

async function writeItems(client: DynamoDBClient): Promise<number> {
  const chunks: WriteRequest[][] = [];
  for (let at = 0; at < ITEMS; at += 25) {
    const n = Math.min(25, ITEMS - at);
    chunks.push(
      Array.from({ length: n }, (_, k) => ({ PutRequest: { Item: toSdkItem(benchItem(at + k)) } })),
    );
  }
  const started = performance.now();
  await runPool(chunks, WRITERS, async (chunk) => {
    let pending: WriteRequest[] = chunk;
    while (pending.length > 0) {
      const out = await client.send(
        new BatchWriteItemCommand({ RequestItems: { [TABLE]: pending } }),
      );
      pending = out.UnprocessedItems?.[TABLE] ?? [];
    }
  });
  return ITEMS / ((performance.now() - started) / 1000);
}

async function rawScan(client: DynamoDBClient): Promise<number> {
  let count = 0;
  let start: Record<string, SdkValue> | undefined;
  do {
    const out = await client.send(new ScanCommand({ TableName: TABLE, ExclusiveStartKey: start }));
    count += out.Items?.length ?? 0;
    start = out.LastEvaluatedKey;
  } while (start);
  return count;
}

/** items:loadAll through the handler; `serialize` adds the web host's JSON cost per event. */
async function backendLoad(
  client: DynamoDBClient,
  segments: number,
  serialize: boolean,
): Promise<number> {
  let received = 0;
  const ctx: BackendContext = {
    dataDir: '',
    client: async () => client,
    emit: (event: BackendEvent) => {
      const e = event as unknown as ItemsEvent;
      if (e.type === 'items:page') received += e.items.length;
      if (serialize) jsonBytes += JSON.stringify(e).length;
    },
  };
  const summary = await itemsHandlers['items:loadAll'](
    { connectionId: 'bench', loadId: `bench-${Math.random()}`, model: { table: TABLE }, segments },
    ctx,
  );
  if (received !== summary.count) throw new Error(`events carried ${received} of ${summary.count}`);
  return summary.count;
}

/** CPU cost of the backend's per-item work alone: SDK -> wire conversion, no I/O. */
function conversionPerSec(): number {
  const sdkItems = Array.from({ length: ITEMS }, (_, i) => toSdkItem(benchItem(i)));
  let best = 0;
  for (let r = 0; r < 3; r++) {
    const started = performance.now();
    let n = 0;
    for (const item of sdkItems) n += Object.keys(fromSdkItem(item)).length > 0 ? 1 : 0;
    best = Math.max(best, n / ((performance.now() - started) / 1000));
  }
  return best;
}

async function timed(run: () => Promise<number>): Promise<{ count: number; perSec: number }> {
  const started = performance.now();
  const count = await run();
  const seconds = (performance.now() - started) / 1000;
  if (count !== ITEMS) throw new Error(`read ${count} items, expected ${ITEMS}`);
  return { count, perSec: count / seconds };
}

async function main(): Promise<void> {
  const { endpoint, child } = await startDynaliteProcess();
  try {
    const client = localClient(endpoint, 5);
    await client.send(
      new CreateTableCommand({
        TableName: TABLE,
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    const avgBytes = Math.round(
      Array.from({ length: 100 }, (_, i) => itemSize(benchItem(i * 997))).reduce((a, b) => a + b) /
        100,
    );
    console.log(`dynalite (own process) at ${endpoint}; writing ${ITEMS} items of ~${avgBytes} B`);
    const writePerSec = await writeItems(client);
    console.log(`write: ${writePerSec.toFixed(0)} items/s (BatchWriteItem, ${WRITERS} in flight)`);

    const runs: Record<string, number[]> = { raw: [], backend: [], backendJson: [], backend4: [] };
    await rawScan(client); // warm-up: JIT, sockets, dynalite's caches
    for (let round = 1; round <= ROUNDS; round++) {
      const plan: [string, () => Promise<number>][] = [
        ['raw', () => rawScan(client)],
        ['backend', () => backendLoad(client, 1, false)],
        ['backendJson', () => backendLoad(client, 1, true)],
        ['backend4', () => backendLoad(client, 4, false)],
      ];
      for (const [name, run] of plan) {
        const { perSec } = await timed(run);
        runs[name]?.push(perSec);
        console.log(`round ${round} ${name.padEnd(12)} ${perSec.toFixed(0)} items/s`);
      }
    }
    const convertPerSec = conversionPerSec();
    console.log(`SDK -> wire conversion alone: ${convertPerSec.toFixed(0)} items/s`);
    const best = (name: string) => Math.max(...(runs[name] ?? [0]));
    const raw = best('raw');
    const backend = best('backend');
    const result = {
      bench: 'scan',
      items: ITEMS,
      avgItemBytes: avgBytes,
      writeItemsPerSec: Math.round(writePerSec),
      rawScanItemsPerSec: Math.round(raw),
      backendLoadAllItemsPerSec: Math.round(backend),
      ratio: Number((backend / raw).toFixed(3)),
      backendLoadAllWithJsonItemsPerSec: Math.round(best('backendJson')),
      eventJsonMBPerLoad: Number((jsonBytes / ROUNDS / 1e6).toFixed(1)),
      backendLoadAll4SegmentsItemsPerSec: Math.round(best('backend4')),
      conversionOnlyItemsPerSec: Math.round(convertPerSec),
      rounds: ROUNDS,
      best: 'max over rounds, runs interleaved',
    };
    console.log(
      `best of ${ROUNDS}: raw SDK ${result.rawScanItemsPerSec}/s, backend loadAll ` +
        `${result.backendLoadAllItemsPerSec}/s, ratio ${result.ratio}`,
    );
    console.log(JSON.stringify(result));
  } finally {
    child.kill();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
