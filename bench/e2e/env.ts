/**
 * What bench:e2e runs against: dynalite in its own process with the bench tables, the real web
 * host (its own process) with a saved endpoint connection to that dynalite, dynamodb-admin (the
 * peer, its own process) on the same dynalite, and Chromium.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startHost, type RunningHost } from '../../test-support/servers/webHost';
import readline from 'node:readline';
import type { Child } from '../support/remote';

export const chromiumPath = process.env.DYNOSTAGE_CHROMIUM ?? '/usr/bin/chromium';
/** The same launch arguments as playwright.config.ts. */
export const launchArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    maxAttempts: 10,
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface Peer {
  url: string;
  process: ChildProcess;
  stop(): void;
}

/** dynamodb-admin 5.3.3 as its users run it: its own CLI, DYNAMO_ENDPOINT set. */
export async function startPeer(endpoint: string): Promise<Peer> {
  const port = await freePort();
  const bin = path.resolve(__dirname, '../../node_modules/dynamodb-admin/dist/dynamodb-admin.js');
  const child = spawn(process.execPath, [bin, '--host', '127.0.0.1', '--port', String(port)], {
    env: {
      ...process.env,
      DYNAMO_ENDPOINT: endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url + '/')).ok)
        return { url, process: child, stop: () => child.kill('SIGTERM') };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGTERM');
  throw new Error('dynamodb-admin did not start');
}

/** POSTs one channel of the web host's API; returns its value or throws its error. */
export async function api<T = unknown>(
  host: RunningHost,
  channel: string,
  input: unknown,
): Promise<T> {
  const res = await fetch(`${host.origin}/api/${channel}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as {
    ok: boolean;
    value?: T;
    error?: { code: string; message: string };
  };
  if (!body.ok) throw new Error(`${channel}: ${body.error?.code} ${body.error?.message}`);
  return body.value as T;
}

export interface Env {
  dynalite: BulkDynalite;
  client: DynamoDBClient;
  host: RunningHost;
  connectionId: string;
  peer: Peer;
  browser: Browser;
  stop(): Promise<void>;
}

export async function startEnv(
  dynalite: BulkDynalite,
  hostEnv?: NodeJS.ProcessEnv,
): Promise<Omit<Env, 'browser'>> {
  const client = localClient(dynalite.endpoint);
  // BENCH_HOST_NODE_OPTIONS: node options for the web host (V8 flags to try: --trace-gc...).
  const options = process.env.BENCH_HOST_NODE_OPTIONS;
  const env = { ...(options ? { NODE_OPTIONS: options } : {}), ...hostEnv };
  const host = await startHost({ seed: false, ...(Object.keys(env).length > 0 ? { env } : {}) });
  // BENCH_HOST_LOG=1: the host's own output (--trace-gc lines...) is printed as it comes.
  if (process.env.BENCH_HOST_LOG === '1') host.process.stdout?.on('data', (c: Buffer) => process.stdout.write(`[host] ${c}`));
  const { connection } = await api<{ connection: { id: string } }>(host, 'connections:save', {
    kind: 'endpoint',
    name: 'bench',
    endpoint: dynalite.endpoint,
    region: 'us-east-1',
  });
  const peer = await startPeer(dynalite.endpoint);
  return {
    dynalite,
    client,
    host,
    connectionId: connection.id,
    peer,
    async stop() {
      peer.stop();
      await host.stop();
      dynalite.stop();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  // BENCH_JS_FLAGS: V8 flags for diagnosis (e.g. --trace-gc-nvp; its output shows with
  // DEBUG=pw:browser). Never set by a gating run.
  const jsFlags = process.env.BENCH_JS_FLAGS;
  const args = jsFlags ? [...launchArgs, `--js-flags=${jsFlags}`] : launchArgs;
  return chromium.launch({ executablePath: chromiumPath, headless: true, args });
}

export interface BulkDynalite extends Child {
  /** Writes items 0..count-1 of the generator straight into the (existing) table's store. */
  fill(table: string, count: number, kind: 'wide' | 'narrow'): Promise<void>;
  pid: number;
}

/** dynalite in its own process (bench/e2e/dynaliteBulk.ts), in memory. */
export async function startDynaliteProcess(): Promise<BulkDynalite> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'dynaliteBulk.ts')],
    {
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    },
  );
  const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    const m = /^PORT (\d+)$/.exec(line);
    if (!m) continue;
    return {
      endpoint: `http://127.0.0.1:${m[1]}`,
      pid: child.pid ?? 0,
      stop: () => child.kill('SIGTERM'),
      fill: (table, count, kind) =>
        new Promise((resolve, reject) => {
          const onMessage = (msg: { filled?: string; error?: string }) => {
            if (msg.filled !== table) return;
            child.off('message', onMessage);
            if (msg.error) reject(new Error(msg.error));
            else resolve();
          };
          child.on('message', onMessage);
          child.send({ fill: { table, count, kind } });
        }),
    };
  }
  throw new Error('dynalite child exited before listening');
}
