import { create } from 'zustand';
import type { ConnectionInfo } from '../../../shared/contract/connections';
import type { SandboxStatus } from '../../../shared/contract/sandbox';
import { call } from '../api/client';

interface ConnectionState {
  connections: ConnectionInfo[];
  selectedId: string;
  sandbox: SandboxStatus | null;
  error: string | null;
  load(): Promise<void>;
  select(id: string): void;
  resetSandbox(): Promise<void>;
}

export const useConnectionStore = create<ConnectionState>((set) => ({
  connections: [],
  selectedId: localStorage.getItem('dynostage.connection') ?? 'sandbox',
  sandbox: null,
  error: null,
  async load() {
    try {
      const [{ connections }, sandbox] = await Promise.all([
        call('connections:list', {}),
        call('sandbox:status', {}),
      ]);
      set({ connections, sandbox, error: null });
    } catch (err) {
      set({ error: (err as Error).message });
    }
  },
  select(id) {
    localStorage.setItem('dynostage.connection', id);
    set({ selectedId: id });
  },
  async resetSandbox() {
    const sandbox = await call('sandbox:reset', { confirm: true });
    set({ sandbox });
  },
}));

export const selectConnections = (s: ConnectionState) => s.connections;
export const selectSelectedConnection = (s: ConnectionState) => s.selectedId;
export const selectSandbox = (s: ConnectionState) => s.sandbox;
