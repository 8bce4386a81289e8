import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SandboxStatus } from '../../shared/contract/sandbox';
import { ensurePrivateDir, writeFileAtomic } from '../files/atomicWrite';
import { closeServer, startDynaliteServer } from './dynaliteServer';
import { startSandboxGuard, type SandboxGuard } from './guard';
import { seedSandbox } from './seed';

// level ships no types we can use here.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- dynalite's own store, opened first to detect damage
const { Level } = require('level') as {
  Level: new (path: string) => { open(): Promise<void>; close(): Promise<void> };
};

export interface SandboxOptions {
  /** Folder that holds the sandbox store (a LevelDB directory named `store`). */
  dir: string;
  seed: boolean;
  /**
   * The access key id the sandbox accepts (default: $DYNOSTAGE_SANDBOX_ACCESS_KEY_ID, which test
   * set-ups use to reach the sandbox with fixed keys, else a new random one per start).
   */
  accessKeyId?: string;
}

/** Where dynalite listens: a socket in the private (0700) sandbox folder, or a named pipe. */
async function upstreamSocket(dir: string): Promise<{ path: string; cleanup(): Promise<void> }> {
  const name = `dynalite-${randomBytes(6).toString('hex')}.sock`;
  if (process.platform === 'win32') {
    return { path: `\\\\.\\pipe\\dynostage-${name}`, cleanup: async () => undefined };
  }
  // Unix socket paths are limited to about 104 bytes: a long data folder uses a private temp one.
  let folder = dir;
  let own: string | undefined;
  if (join(dir, name).length > 100) folder = own = await mkdtemp(join(tmpdir(), 'dynostage-sb-'));
  const path = join(folder, name);
  return {
    path,
    cleanup: () => rm(own ?? path, { recursive: true, force: true }),
  };
}

/** The embedded DynamoDB: dynalite on a loopback port, persisted under the data directory. */
export class Sandbox {
  private server: Server | undefined;
  private guard: SandboxGuard | undefined;
  private socket: { path: string; cleanup(): Promise<void> } | undefined;
  private readonly accessKeyId: string;
  private state: SandboxStatus;
  private clientInstance: DynamoDBClient | undefined;

  constructor(private readonly opts: SandboxOptions) {
    this.accessKeyId =
      opts.accessKeyId ??
      process.env.DYNOSTAGE_SANDBOX_ACCESS_KEY_ID ??
      `DYNOSTAGE${randomBytes(12).toString('hex').toUpperCase()}`;
    this.state = { state: 'failed', dataPath: this.storePath, seeded: false, error: 'not started' };
  }

  get storePath(): string {
    return join(this.opts.dir, 'store');
  }

  status(): SandboxStatus {
    return { ...this.state };
  }

  /** Opens the store, starts dynalite and seeds the demo tables once. Never throws. */
  async start(): Promise<SandboxStatus> {
    // LevelDB writes its files with the process umask: the 0700 folder keeps them private.
    await ensurePrivateDir(this.opts.dir);
    try {
      await this.checkStore();
    } catch (err) {
      this.state = {
        state: 'failed',
        dataPath: this.storePath,
        seeded: false,
        error: describeStoreError(err, this.storePath),
      };
      return this.status();
    }
    const socket = await upstreamSocket(this.opts.dir);
    this.server = await startDynaliteServer({ socket: socket.path }, this.storePath);
    this.socket = socket;
    this.guard = await startSandboxGuard({
      upstreamSocket: socket.path,
      accessKeyId: this.accessKeyId,
    });
    const endpoint = this.guard.endpoint;
    this.clientInstance = new DynamoDBClient({
      endpoint,
      region: 'us-east-1',
      credentials: {
        accessKeyId: this.accessKeyId,
        secretAccessKey: randomBytes(16).toString('hex'),
      },
      maxAttempts: 3,
    });
    const marker = join(this.opts.dir, 'seeded.json');
    let seeded = existsSync(marker);
    if (!seeded && this.opts.seed) {
      try {
        const created = await seedSandbox(this.clientInstance);
        await writeFileAtomic(marker, JSON.stringify({ at: new Date().toISOString(), created }));
        seeded = true;
      } catch (err) {
        this.state = {
          state: 'failed',
          endpoint,
          dataPath: this.storePath,
          seeded: false,
          error: `Seeding the demo tables failed: ${(err as Error).message}`,
        };
        return this.status();
      }
    }
    this.state = { state: 'running', endpoint, dataPath: this.storePath, seeded };
    return this.status();
  }

  client(): DynamoDBClient {
    if (!this.clientInstance || this.state.state !== 'running') {
      const err = new Error(
        `The sandbox is not running: ${this.state.error ?? 'unknown reason'}. ` +
          'Reset the sandbox from the connection menu to start a fresh one.',
      );
      err.name = 'SandboxUnavailable';
      throw err;
    }
    return this.clientInstance;
  }

  /** Moves the store aside (kept, never deleted), starts a fresh one and seeds it. */
  async reset(): Promise<SandboxStatus> {
    await this.close();
    if (existsSync(this.storePath)) {
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      await rename(this.storePath, join(this.opts.dir, `store.damaged-${stamp}`));
    }
    await rename(join(this.opts.dir, 'seeded.json'), join(this.opts.dir, 'seeded.old.json')).catch(
      () => undefined,
    );
    return this.start();
  }

  async close(): Promise<void> {
    this.clientInstance?.destroy();
    this.clientInstance = undefined;
    const guard = this.guard;
    this.guard = undefined;
    await guard?.close();
    const server = this.server;
    this.server = undefined;
    if (server) await closeServer(server);
    await this.socket?.cleanup();
    this.socket = undefined;
  }

  private async checkStore(): Promise<void> {
    const db = new Level(this.storePath);
    await db.open();
    await db.close();
  }
}

function describeStoreError(err: unknown, path: string): string {
  const e = err as { message?: string; cause?: { message?: string } };
  const detail = e.cause?.message ?? e.message ?? String(err);
  if (/lock/i.test(detail)) {
    return `The sandbox store at ${path} is in use by another DynoStage process (${detail}). Close the other one, or reset the sandbox.`;
  }
  return `The sandbox store at ${path} is damaged and could not be opened (${detail}). Reset the sandbox: the damaged store is moved aside, not deleted.`;
}
