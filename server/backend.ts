import { join } from 'node:path';
import type { BackendEvent } from '../shared/contract';
import { CommitService } from './commitService/service';
import { ConnectionRegistry } from './connections/registry';
import { dispatch } from './dispatch';
import { ensurePrivateDir } from './files/atomicWrite';
import { Sandbox } from './sandbox/sandbox';
import { PartiqlStagedStore } from './partiql/stagedStore';
import type { Services } from './services';
import { StagingStore } from './staging/store';
import { ServedPages } from './items/servedPages';

export interface BackendOptions {
  dataDir: string;
  /** Seed the sandbox's demo tables on first start (default true). */
  seedSandbox?: boolean;
  /** Bound of the served pages kept for staging saves (default SERVED_PAGES_CAP). */
  servedPagesBytes?: number;
}

export interface Backend {
  services: Services;
  call(channel: string, input: unknown): ReturnType<typeof dispatch>;
  /**
   * Subscribes to backend events; returns the unsubscribe function. `splicesItems`: the listener
   * writes a Load all page's raw Items bytes into its stream (see BackendContext.splicesItems).
   */
  onEvent(listener: (event: BackendEvent) => void, opts?: { splicesItems?: boolean }): () => void;
  close(): Promise<void>;
}

/** Starts the host-independent backend: the sandbox, the connection registry, the services. */
export async function createBackend(opts: BackendOptions): Promise<Backend> {
  const listeners = new Set<(event: BackendEvent) => void>();
  const splicers = new Set<(event: BackendEvent) => void>();
  // Everything below lives in the data folder: only its owner may read it.
  await ensurePrivateDir(opts.dataDir);
  const sandbox = new Sandbox({ dir: join(opts.dataDir, 'sandbox'), seed: opts.seedSandbox ?? true });
  await sandbox.start();
  const connections = new ConnectionRegistry({
    sandbox,
    dataDir: opts.dataDir,
    emit: (event) => {
      for (const l of listeners) l(event);
    },
  });
  const services = {
    dataDir: opts.dataDir,
    sandbox,
    connections,
    staging: new StagingStore(join(opts.dataDir, 'staging')),
    partiql: new PartiqlStagedStore(join(opts.dataDir, 'staging-partiql')),
    client: (id) => connections.client(id),
    emit: (event: BackendEvent) => {
      for (const l of listeners) l(event);
    },
    servedPages: new ServedPages(opts.servedPagesBytes),
    get splicesItems() {
      return splicers.size > 0;
    },
  } as Services;
  // The commit service needs the other services; it is the last one made.
  services.commits = new CommitService(services);
  return {
    services,
    call: (channel, input) => dispatch(channel, input, services),
    onEvent(listener, opts) {
      listeners.add(listener);
      if (opts?.splicesItems) splicers.add(listener);
      return () => {
        listeners.delete(listener);
        splicers.delete(listener);
      };
    },
    close: async () => {
      connections.close();
      await sandbox.close();
    },
  };
}
