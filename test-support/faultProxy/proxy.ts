/**
 * A loopback HTTP proxy in front of dynalite that injects the faults real DynamoDB produces and
 * dynalite never does: UnprocessedItems, UnprocessedKeys, throttling errors, call-wide errors
 * (IAM, credentials, a missing table), 5xx answers, dropped and hanging connections, latency with
 * jitter, and a write capacity (an item-count bucket, or DynamoDB's capacity model: WCU by size,
 * hot partitions, burst credit). Configurable at runtime; seeded, so runs are reproducible.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  callWideReply,
  regionOf,
  serverErrorReply,
  tablesOf,
  throttleReply,
  type Json,
} from './answers';
import { CapacityModel } from './capacity';
import { forwardTo, send } from './upstream';
import {
  CLEAN,
  seededRandom,
  SINGLE_WRITE_OPERATIONS,
  zeroCounters,
  type DenyRule,
  type FaultConfig,
  type FaultCounters,
} from './config';
import {
  planBatchGet,
  planBatchWrite,
  planSingleWrite,
  type Plan,
  type WriteContext,
} from './writes';

export { CLEAN, seededRandom, SINGLE_WRITE_OPERATIONS };
export type { CallWideError, DenyRule, FaultConfig, FaultCounters } from './config';
export type { CapacityConfig } from './capacity';

type WriteRequest = Record<string, unknown>;

export interface FaultProxy {
  endpoint: string;
  readonly config: FaultConfig;
  setConfig(patch: Partial<FaultConfig>): void;
  counters: FaultCounters;
  resetCounters(): void;
  /** Called with every BatchWriteItem body as the client sent it, before any fault. */
  onBatchWrite: ((body: { RequestItems: Record<string, WriteRequest[]> }) => void) | null;
  /**
   * Called with every call (its operation and parsed body, null when not JSON) before latency and
   * faults; the call waits for a returned promise, so a test can act between calls.
   */
  onRequest: ((operation: string, body: Json | null) => void | Promise<void>) | null;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const BATCH = ['BatchWriteItem', 'BatchGetItem'];

/** Starts the proxy on a free loopback port, forwarding to `target` (an http:// endpoint). */
export async function startFaultProxy(
  target: string,
  config: Partial<FaultConfig> = {},
  seed = 1,
  /** The capacity model's clock, ms (tests pass a manual one). */
  now: () => number = () => performance.now(),
): Promise<FaultProxy> {
  const targetUrl = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const random = seededRandom(seed);
  let cfg: FaultConfig = { ...CLEAN, ...config };
  let tokens = 0;
  let refilledAt = Date.now();
  let capacity = cfg.capacity ? new CapacityModel(cfg.capacity, now) : null;
  let denySeen: number[] = cfg.deny.map(() => 0);
  const partitionKeys = new Map<string, Promise<string>>();
  const burst = () => cfg.writeBurst ?? Math.max(25, Math.round((cfg.writeCapacity ?? 0) / 10));
  const resetBucket = () => {
    tokens = burst();
    refilledAt = Date.now();
  };
  resetBucket();

  const takeItems = (wanted: number): number => {
    if (cfg.writeCapacity === null) return wanted;
    const now = Date.now();
    tokens = Math.min(burst(), tokens + ((now - refilledAt) / 1000) * cfg.writeCapacity);
    refilledAt = now;
    const granted = Math.min(wanted, Math.floor(tokens));
    tokens -= granted;
    return granted;
  };

  const proxy: FaultProxy = {
    endpoint: '',
    get config() {
      return cfg;
    },
    setConfig(patch) {
      cfg = { ...cfg, ...patch };
      if ('writeCapacity' in patch || 'writeBurst' in patch) resetBucket();
      if ('capacity' in patch)
        capacity = cfg.capacity ? new CapacityModel(cfg.capacity, now) : null;
      if ('deny' in patch) denySeen = cfg.deny.map(() => 0);
    },
    counters: zeroCounters(),
    resetCounters() {
      proxy.counters = zeroCounters();
    },
    onBatchWrite: null,
    onRequest: null,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };

  const forward = (req: http.IncomingMessage, body: Buffer, target?: string) =>
    forwardTo(targetUrl, agent, req, body, target);

  /** The table's partition key, read once with DescribeTable (signed as the client's call was). */
  function partitionKeyOf(req: http.IncomingMessage, table: string): Promise<string> {
    let known = partitionKeys.get(table);
    if (!known) {
      known = forward(req, Buffer.from(JSON.stringify({ TableName: table })), 'DescribeTable').then(
        (up) => {
          const t = (JSON.parse(up.body.toString('utf8')) as Json).Table as Json | undefined;
          const schema = (t?.KeySchema ?? []) as { AttributeName: string; KeyType: string }[];
          const hash = schema.find((k) => k.KeyType === 'HASH');
          if (!hash) partitionKeys.delete(table);
          return hash?.AttributeName ?? '';
        },
      );
      partitionKeys.set(table, known);
    }
    return known;
  }

  function hang(req: http.IncomingMessage) {
    if (cfg.hangMs !== null) setTimeout(() => req.socket.destroy(), cfg.hangMs).unref();
  }

  /** The first deny rule that refuses this call, counting each matching call against `afterCalls`. */
  function denied(op: string, tables: string[]): { rule: DenyRule; table?: string } | null {
    for (const [i, rule] of cfg.deny.entries()) {
      if (rule.operations && !rule.operations.includes(op)) continue;
      if (rule.table !== undefined && !tables.includes(rule.table)) continue;
      denySeen[i] = (denySeen[i] ?? 0) + 1;
      if ((denySeen[i] ?? 0) > (rule.afterCalls ?? 0))
        return { rule, table: rule.table ?? tables[0] };
    }
    return null;
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer) {
    const op = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    const c = proxy.counters;
    c.calls[op] = (c.calls[op] ?? 0) + 1;
    let data: Json | null = null;
    try {
      const parsed = JSON.parse(raw.toString('utf8')) as unknown;
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
        data = parsed as Json;
      }
    } catch {
      data = null; // dynalite answers the SerializationException itself
    }
    const batchBody =
      data && BATCH.includes(op) && typeof data.RequestItems === 'object' && data.RequestItems
        ? data
        : null;
    if (batchBody && op === 'BatchWriteItem') {
      proxy.onBatchWrite?.(batchBody as { RequestItems: Record<string, WriteRequest[]> });
    }
    await proxy.onRequest?.(op, data);
    const delay = cfg.latencyMs + (cfg.latencyJitterMs > 0 ? random() * cfg.latencyJitterMs : 0);
    if (delay > 0) await sleep(delay);
    const refusal = cfg.deny.length > 0 ? denied(op, tablesOf(op, data)) : null;
    const faulty = cfg.faultOperations.includes(op);
    let plan: Plan = { kind: 'forward', body: raw };
    if (refusal) {
      c.denied[refusal.rule.error] = (c.denied[refusal.rule.error] ?? 0) + 1;
      const region = regionOf(req.headers.authorization);
      plan = callWideReply(refusal.rule.error, op, refusal.table, region);
    } else if (faulty && random() < cfg.dropBeforeFraction) {
      c.droppedBefore++;
      req.socket.destroy();
      return;
    } else if (faulty && cfg.hangFraction > 0 && random() < cfg.hangFraction) {
      c.hung++;
      hang(req);
      return;
    } else if (faulty && random() < cfg.throttleFraction) {
      c.throttled++;
      const type = BATCH.includes(op)
        ? cfg.throttleError
        : 'ProvisionedThroughputExceededException';
      plan = throttleReply(type, 'Throughput exceeds the current capacity for one or more tables.');
    } else if (faulty && cfg.internalErrorFraction > 0 && random() < cfg.internalErrorFraction) {
      c.internalErrors++;
      plan = serverErrorReply(500);
    } else if (faulty && cfg.unavailableFraction > 0 && random() < cfg.unavailableFraction) {
      c.unavailable++;
      plan = serverErrorReply(503);
    } else {
      const ctx: WriteContext = {
        cfg,
        random,
        counters: c,
        takeItems,
        capacity,
        partitionKeyOf: (table) => partitionKeyOf(req, table),
      };
      if (batchBody && op === 'BatchWriteItem') plan = await planBatchWrite(ctx, batchBody, raw);
      else if (batchBody) plan = await planBatchGet(ctx, batchBody, raw);
      else if (data && SINGLE_WRITE_OPERATIONS.includes(op)) {
        plan = await planSingleWrite(ctx, op, data, raw);
      }
    }
    if (plan.kind === 'reply') {
      const headers = {
        'content-type': 'application/x-amz-json-1.0',
        'x-amzn-requestid': `FAULTPROXY${Date.now()}`,
      };
      send(res, plan.status, headers, Buffer.from(JSON.stringify(plan.body)));
      return;
    }
    const up = await forward(req, plan.body);
    if (up.status !== 200) plan.refused?.();
    if (faulty && random() < cfg.dropAfterFraction) {
      c.droppedAfter++;
      if (up.status === 200) c.opsDroppedAfter += plan.writeOps ?? 0;
      req.socket.destroy();
      return;
    }
    let body = up.body;
    if (plan.merge && up.status === 200) {
      body = Buffer.from(JSON.stringify(plan.merge(JSON.parse(body.toString('utf8')) as Json)));
    }
    if (faulty && cfg.hangAfterFraction > 0 && random() < cfg.hangAfterFraction) {
      c.hungAfter++;
      hang(req);
      return;
    }
    const headers = { ...up.headers };
    delete headers['transfer-encoding'];
    delete headers.connection;
    send(res, up.status, headers, body);
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks)).catch((err: unknown) => {
        if (res.headersSent || req.socket.destroyed) return;
        const message = err instanceof Error ? err.message : String(err);
        send(res, 502, { 'content-type': 'text/plain' }, Buffer.from(`fault proxy: ${message}`));
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  proxy.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
