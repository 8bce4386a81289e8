import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { existsSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { SandboxStatus } from '../../../shared/contract/sandbox';
import { ensurePrivateDir, writeFileAtomic } from '../files/atomicWrite';
import { localClient } from '../testing/dynalite';
import { seedSandbox } from './seed';

// dynalite and level ship no types we can use here.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS module without types
const dynalite = require('dynalite') as (opts: Record<string, unknown>) => Server;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- dynalite's own store, opened first to detect damage
const { Level } = require('level') as {
  Level: new (path: string) => { open(): Promise<void>; close(): Promise<void> };
};

export interface SandboxOptions {
  /** Folder that holds the sandbox store (a LevelDB directory named `store`). */
  dir: string;
  seed: boolean;
}

/** The embedded DynamoDB: dynalite on a loopback port, persisted under the data directory. */
export class Sandbox {
  private server: Server | undefined;
  private state: SandboxStatus;
  private clientInstance: DynamoDBClient | undefined;

  constructor(private readonly opts: SandboxOptions) {
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
    const server = dynalite({
      createTableMs: 0,
      deleteTableMs: 0,
      updateTableMs: 0,
      path: this.storePath,
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    const { port } = server.address() as AddressInfo;
    const endpoint = `http://127.0.0.1:${port}`;
    this.clientInstance = localClient(endpoint);
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
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
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
