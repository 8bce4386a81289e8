/**
 * moto_server, the second DynamoDB implementation for tests (transactions and PartiQL, which dynalite
 * answers with UnknownOperationException). Installed by `node scripts/moto.cjs` into `.venv-moto`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface RunningMoto {
  endpoint: string;
  /** Milliseconds from spawn until the server printed its address. */
  startMs: number;
  close(): Promise<void>;
}

const root = resolve(__dirname, '..', '..');

/** Where moto_server is expected: $DYNOSTAGE_MOTO_SERVER, else the project's `.venv-moto`. */
export function motoServerPath(): string {
  if (process.env.DYNOSTAGE_MOTO_SERVER) return process.env.DYNOSTAGE_MOTO_SERVER;
  const bin = process.platform === 'win32' ? join('Scripts', 'moto_server.exe') : join('bin', 'moto_server');
  return join(root, '.venv-moto', bin);
}

/** Why moto cannot be started here, or undefined when it can. */
export function motoMissingReason(): string | undefined {
  const path = motoServerPath();
  if (existsSync(path)) return undefined;
  return `moto_server not found at ${path} (run \`node scripts/moto.cjs\`; it needs python3 with venv)`;
}

/** Starts moto_server on a free loopback port; resolves once it listens. */
export async function startMoto(): Promise<RunningMoto> {
  const started = performance.now();
  // Port 0: the OS picks a free port and werkzeug prints it ("Running on http://127.0.0.1:PORT").
  const child = spawn(motoServerPath(), ['-H', '127.0.0.1', '-p', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PYTHONUNBUFFERED: '1' },
  });
  const endpoint = await new Promise<string>((resolvePort, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Running on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        resolvePort(m[1]!);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`moto_server exited (${code}) before listening: ${out.trim()}`)));
  });
  // Keep draining its request log so a full pipe never blocks the server.
  child.stdout?.resume();
  child.stderr?.resume();
  return { endpoint, startMs: Math.round(performance.now() - started), close: () => stop(child) };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}
