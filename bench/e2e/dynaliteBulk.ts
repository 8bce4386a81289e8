/**
 * dynalite in its own process (in memory), which can also fill a table fast: `{ fill }` over IPC
 * writes generated items straight into its store, as its PutItem would store them (the table has
 * no indexes), without a million HTTP round trips. The table must exist (CreateTable first).
 * Prints "PORT <n>" once it listens; answers each fill with `{ filled: table }`.
 */
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { narrowItem, wideItem, type BenchItem } from './items';

type Store = {
  getTable(name: string, cb: (err: Error | null, table: unknown) => void): void;
  getItemDb(name: string): { batch(ops: object[], cb: (err?: Error) => void): void };
};

const require_ = createRequire(__filename);
const db = require_('dynalite/db') as {
  create(o: object): Store;
  createKey(item: object, table: unknown): string;
};
let store: Store | undefined;
const create = db.create;
db.create = (o) => {
  store = create(o);
  listTablesByRange(store);
  return store;
};

/**
 * dynalite's ListTables walks every key of its store (items included) and keeps the table
 * names: with the 1,000,000-item table present it takes ~6 s, which DynamoDB's does not (and
 * which hid both apps' own times in scenario 1). Here its table store reads only its own range
 * of keys ("table~..."), so ListTables costs what the number of tables costs; same answer.
 */
function listTablesByRange(s: Store): void {
  const tableDb = (s as unknown as { tableDb: { createKeyStream(o?: object): unknown } }).tableDb;
  const keys = tableDb.createKeyStream.bind(tableDb);
  tableDb.createKeyStream = (o?: object) => keys({ ...o, gte: 'table~', lt: 'table~\xff' });
}
const dynalite = require_('dynalite') as (o: object) => Server;

/** The item as dynalite keeps it: the wire form (binary as base64). */
const wire = (item: BenchItem): object =>
  JSON.parse(
    JSON.stringify(item, (_k, v: unknown) =>
      v && typeof v === 'object' && (v as { type?: string }).type === 'Buffer'
        ? Buffer.from((v as { data: number[] }).data).toString('base64')
        : v,
    ),
  ) as object;

async function fill(table: string, count: number, kind: 'wide' | 'narrow'): Promise<void> {
  if (!store) throw new Error('dynalite store not created');
  const s = store;
  const description = await new Promise<unknown>((resolve, reject) =>
    s.getTable(table, (err, t) => (err ? reject(err) : resolve(t))),
  );
  const itemDb = s.getItemDb(table);
  const make = kind === 'wide' ? wideItem : narrowItem;
  const CHUNK = 2_000;
  for (let from = 0; from < count; from += CHUNK) {
    const ops: object[] = [];
    for (let i = from; i < Math.min(count, from + CHUNK); i++) {
      const item = wire(make(i));
      ops.push({ type: 'put', key: db.createKey(item, description), value: item });
    }
    await new Promise<void>((resolve, reject) =>
      itemDb.batch(ops, (err) => (err ? reject(err) : resolve())),
    );
  }
}

const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`PORT ${(server.address() as { port: number }).port}\n`);
});
process.on('message', (m: { fill?: { table: string; count: number; kind: 'wide' | 'narrow' } }) => {
  if (!m.fill) return;
  const { table, count, kind } = m.fill;
  fill(table, count, kind).then(
    () => process.send?.({ filled: table }),
    (err: unknown) => process.send?.({ filled: table, error: String(err) }),
  );
});
process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 500).unref();
});
process.on('disconnect', () => process.exit(0));
