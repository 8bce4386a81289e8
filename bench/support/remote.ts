/** Child processes for the commit bench: dynalite, and the fault proxy driven over IPC. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import type { FaultConfig, FaultCounters } from '../../test-support/faultProxy/proxy';

export interface Child {
  endpoint: string;
  stop(): void;
}

/** dynalite in its own process, in memory. */
export async function startDynaliteProcess(): Promise<Child> {
  // The IPC channel is only there so that the child notices when this process goes away.
  const child = spawn(process.execPath, [path.join(__dirname, '../../test-support/servers/dynaliteServer.cjs')], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  child.unref();
  child.channel?.unref();
  const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    const m = /^PORT (\d+)$/.exec(line);
    if (m) return { endpoint: `http://127.0.0.1:${m[1]}`, stop: () => child.kill('SIGTERM') };
  }
  throw new Error('dynalite child exited before listening');
}

export interface RemoteProxy extends Child {
  configure(config: Partial<FaultConfig>): Promise<void>;
  reset(): Promise<void>;
  counters(): Promise<FaultCounters>;
}

/** The fault proxy in its own process (through tsx), in front of `target`. */
export async function startProxyProcess(target: string, seed: number): Promise<RemoteProxy> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'proxyServer.ts'), target, String(seed)],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { endpoint: string }) => resolve(m.endpoint));
    child.once('exit', () => reject(new Error('proxy child exited before listening')));
  });
  let next = 0;
  const ask = (msg: object) =>
    new Promise<FaultCounters>((resolve) => {
      const id = ++next;
      const onMessage = (m: { id?: number; counters: FaultCounters }) => {
        if (m.id !== id) return;
        child.off('message', onMessage);
        resolve(m.counters);
      };
      child.on('message', onMessage);
      child.send({ id, ...msg });
    });
  return {
    endpoint,
    configure: async (config) => void (await ask({ config })),
    reset: async () => void (await ask({ reset: true })),
    counters: () => ask({}),
    stop: () => child.disconnect(),
  };
}
