/**
 * A loopback HTTP proxy in front of dynalite that injects the faults real DynamoDB produces and
 * dynalite never does: UnprocessedItems, UnprocessedKeys, throttling errors, a write capacity,
 * latency and dropped connections. Configurable at runtime; seeded, so runs are reproducible.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';

export interface FaultConfig {
  /** Delay before each call is forwarded, ms. */
  latencyMs: number;
  /** Fraction of BatchWriteItem operations withheld and returned as UnprocessedItems. */
  unprocessedFraction: number;
  /** Write capacity in items/s (token bucket); operations beyond it come back unprocessed. */
  writeCapacity: number | null;
  /** Bucket size for `writeCapacity` (default: a tenth of a second's worth, at least 25). */
  writeBurst: number | null;
  /** Fraction of calls answered with a throttling error, nothing forwarded. */
  throttleFraction: number;
  /** The error type of those answers. */
  throttleError: 'ProvisionedThroughputExceededException' | 'ThrottlingException';
  /** Fraction of connections destroyed before forwarding (nothing written). */
  dropBeforeFraction: number;
  /** Fraction of connections destroyed after forwarding (written, the client never knows). */
  dropAfterFraction: number;
  /** Fraction of BatchGetItem keys withheld and returned as UnprocessedKeys. */
  unprocessedKeysFraction: number;
  /** Operations that throttling and drops apply to. */
  faultOperations: string[];
}

export const CLEAN: FaultConfig = {
  latencyMs: 0,
  unprocessedFraction: 0,
  writeCapacity: null,
  writeBurst: null,
  throttleFraction: 0,
  throttleError: 'ProvisionedThroughputExceededException',
  dropBeforeFraction: 0,
  dropAfterFraction: 0,
  unprocessedKeysFraction: 0,
  faultOperations: ['BatchWriteItem', 'BatchGetItem'],
};

export interface FaultCounters {
  calls: Record<string, number>;
  /** BatchWriteItem operations received, forwarded, withheld at random, refused by capacity. */
  writeOps: number;
  opsForwarded: number;
  opsWithheld: number;
  opsOverCapacity: number;
  /** Calls answered with a throttling error (random, or nothing left within capacity). */
  throttled: number;
  /** Of those, calls refused because no operation fitted the write capacity. */
  capacityThrottled: number;
  droppedBefore: number;
  droppedAfter: number;
  /** BatchWriteItem operations written in calls whose connection was then dropped. */
  opsDroppedAfter: number;
  keysRequested: number;
  keysWithheld: number;
}

type WriteRequest = Record<string, unknown>;
type Json = Record<string, unknown>;

export interface FaultProxy {
  endpoint: string;
  readonly config: FaultConfig;
  setConfig(patch: Partial<FaultConfig>): void;
  counters: FaultCounters;
  resetCounters(): void;
  /** Called with every BatchWriteItem body as the client sent it, before any fault. */
  onBatchWrite: ((body: { RequestItems: Record<string, WriteRequest[]> }) => void) | null;
  close(): Promise<void>;
}

/** mulberry32: a small seeded generator, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function zeroCounters(): FaultCounters {
  return {
    calls: {},
    writeOps: 0,
    opsForwarded: 0,
    opsWithheld: 0,
    opsOverCapacity: 0,
    throttled: 0,
    capacityThrottled: 0,
    droppedBefore: 0,
    droppedAfter: 0,
    opsDroppedAfter: 0,
    keysRequested: 0,
    keysWithheld: 0,
  };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface Upstream {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** What one call becomes: a reply of our own, or a (possibly rewritten) forward and a merge. */
type Plan =
  | { kind: 'reply'; status: number; body: Json }
  | { kind: 'forward'; body: Buffer; writeOps?: number; merge?: (upstream: Json) => Json };

/** Starts the proxy on a free loopback port, forwarding to `target` (an http:// endpoint). */
export async function startFaultProxy(
  target: string,
  config: Partial<FaultConfig> = {},
  seed = 1,
): Promise<FaultProxy> {
  const targetUrl = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const random = seededRandom(seed);
  let cfg: FaultConfig = { ...CLEAN, ...config };
  let tokens = 0;
  let refilledAt = Date.now();
  const burst = () => cfg.writeBurst ?? Math.max(25, Math.round((cfg.writeCapacity ?? 0) / 10));
  const resetBucket = () => {
    tokens = burst();
    refilledAt = Date.now();
  };
  resetBucket();

  const takeTokens = (wanted: number): number => {
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
    },
    counters: zeroCounters(),
    resetCounters() {
      proxy.counters = zeroCounters();
    },
    onBatchWrite: null,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };

  function planBatchWrite(data: Json, raw: Buffer): Plan {
    const items = data.RequestItems as Record<string, WriteRequest[]>;
    const forwarded: Record<string, WriteRequest[]> = {};
    const withheld: Record<string, WriteRequest[]> = {};
    const kept: [string, WriteRequest][] = [];
    let total = 0;
    for (const [table, reqs] of Object.entries(items)) {
      for (const req of reqs) {
        total++;
        if (random() < cfg.unprocessedFraction) (withheld[table] ??= []).push(req);
        else kept.push([table, req]);
      }
    }
    const c = proxy.counters;
    c.writeOps += total;
    const granted = takeTokens(kept.length);
    if (granted === 0 && kept.length > 0) {
      // As DynamoDB does when nothing in the call fits the provisioned throughput.
      c.throttled++;
      c.capacityThrottled++;
      return throttleReply(
        'The level of configured provisioned throughput for the table was exceeded.',
      );
    }
    c.opsWithheld += total - kept.length;
    c.opsOverCapacity += kept.length - granted;
    c.opsForwarded += granted;
    if (granted === total) return { kind: 'forward', body: raw, writeOps: granted };
    kept.forEach(([table, req], i) => {
      ((i < granted ? forwarded : withheld)[table] ??= []).push(req);
    });
    if (granted === 0) {
      const body: Json = { UnprocessedItems: withheld };
      if (data.ReturnConsumedCapacity === 'TOTAL' || data.ReturnConsumedCapacity === 'INDEXES') {
        body.ConsumedCapacity = Object.keys(items).map((t) => ({ TableName: t, CapacityUnits: 0 }));
      }
      return { kind: 'reply', status: 200, body };
    }
    return {
      kind: 'forward',
      body: Buffer.from(JSON.stringify({ ...data, RequestItems: forwarded })),
      writeOps: granted,
      // dynalite's ConsumedCapacity covers exactly the forwarded part, which is what was written.
      merge: (up) => {
        const unprocessed = { ...((up.UnprocessedItems as Record<string, WriteRequest[]>) ?? {}) };
        for (const [t, reqs] of Object.entries(withheld)) {
          unprocessed[t] = [...(unprocessed[t] ?? []), ...reqs];
        }
        return { ...up, UnprocessedItems: unprocessed };
      },
    };
  }

  function planBatchGet(data: Json, raw: Buffer): Plan {
    const items = data.RequestItems as Record<string, Json & { Keys: Json[] }>;
    const forwarded: Record<string, Json> = {};
    const withheld: Record<string, Json & { Keys: Json[] }> = {};
    let total = 0;
    let held = 0;
    for (const [table, spec] of Object.entries(items)) {
      const keep: Json[] = [];
      for (const key of spec.Keys) {
        total++;
        if (random() < cfg.unprocessedKeysFraction) {
          held++;
          (withheld[table] ??= { ...spec, Keys: [] }).Keys.push(key);
        } else keep.push(key);
      }
      if (keep.length > 0) forwarded[table] = { ...spec, Keys: keep };
    }
    proxy.counters.keysRequested += total;
    proxy.counters.keysWithheld += held;
    if (held === 0) return { kind: 'forward', body: raw };
    if (held === total) {
      const responses = Object.fromEntries(Object.keys(items).map((t) => [t, []]));
      return {
        kind: 'reply',
        status: 200,
        body: { Responses: responses, UnprocessedKeys: withheld },
      };
    }
    return {
      kind: 'forward',
      body: Buffer.from(JSON.stringify({ ...data, RequestItems: forwarded })),
      merge: (up) => {
        const unprocessed = {
          ...((up.UnprocessedKeys as Record<string, Json & { Keys: Json[] }>) ?? {}),
        };
        for (const [t, spec] of Object.entries(withheld)) {
          const prev = unprocessed[t];
          unprocessed[t] = prev ? { ...prev, Keys: [...prev.Keys, ...spec.Keys] } : spec;
        }
        const responses = { ...((up.Responses as Record<string, unknown[]>) ?? {}) };
        for (const t of Object.keys(items)) responses[t] ??= [];
        return { ...up, Responses: responses, UnprocessedKeys: unprocessed };
      },
    };
  }

  function throttleReply(message: string): Plan {
    const type = `com.amazonaws.dynamodb.v20120810#${cfg.throttleError}`;
    return { kind: 'reply', status: 400, body: { __type: type, message } };
  }

  function forward(req: http.IncomingMessage, body: Buffer): Promise<Upstream> {
    return new Promise((resolve, reject) => {
      const headers = {
        ...req.headers,
        host: targetUrl.host,
        'content-length': String(body.length),
      };
      const up = http.request(
        {
          host: targetUrl.hostname,
          port: targetUrl.port,
          method: req.method,
          path: req.url,
          headers,
          agent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 502,
              headers: res.headers,
              body: Buffer.concat(chunks),
            }),
          );
          res.on('error', reject);
        },
      );
      up.on('error', reject);
      up.end(body);
    });
  }

  function send(
    res: http.ServerResponse,
    status: number,
    headers: http.OutgoingHttpHeaders,
    body: Buffer,
  ) {
    // The SDK checks x-amz-crc32 against the body, so a rewritten body needs its own.
    res.writeHead(status, {
      ...headers,
      'content-length': String(body.length),
      'x-amz-crc32': String(zlib.crc32(body)),
    });
    res.end(body);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer) {
    const op = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    const c = proxy.counters;
    c.calls[op] = (c.calls[op] ?? 0) + 1;
    let data: Json | null = null;
    if (op === 'BatchWriteItem' || op === 'BatchGetItem') {
      try {
        const parsed = JSON.parse(raw.toString('utf8')) as Json;
        if (typeof parsed.RequestItems === 'object' && parsed.RequestItems !== null) data = parsed;
      } catch {
        data = null; // dynalite answers the SerializationException itself
      }
    }
    if (data && op === 'BatchWriteItem') {
      proxy.onBatchWrite?.(data as { RequestItems: Record<string, WriteRequest[]> });
    }
    if (cfg.latencyMs > 0) await sleep(cfg.latencyMs);
    const faulty = cfg.faultOperations.includes(op);
    if (faulty && random() < cfg.dropBeforeFraction) {
      c.droppedBefore++;
      req.socket.destroy();
      return;
    }
    let plan: Plan = { kind: 'forward', body: raw };
    if (faulty && random() < cfg.throttleFraction) {
      c.throttled++;
      plan = throttleReply('Throughput exceeds the current capacity for one or more tables.');
    } else if (data) {
      plan = op === 'BatchWriteItem' ? planBatchWrite(data, raw) : planBatchGet(data, raw);
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
