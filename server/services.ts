import type { CommitService } from './commitService/service';
import type { BackendContext } from './context';
import type { ConnectionRegistry } from './connections/registry';
import type { PartiqlStagedStore } from './partiql/stagedStore';
import type { Sandbox } from './sandbox/sandbox';
import type { StagingStore } from './staging/store';

/** Everything a handler may use: the shared context plus the long-lived services. */
export interface Services extends BackendContext {
  sandbox: Sandbox;
  connections: ConnectionRegistry;
  staging: StagingStore;
  commits: CommitService;
  /** Staged PartiQL writes (INSERT, UPDATE, DELETE statements). */
  partiql: PartiqlStagedStore;
}
