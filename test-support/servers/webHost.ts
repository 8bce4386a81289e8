import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { mintLaunchToken } from '../../webhost/session';

export interface RunningHost {
  /** A fresh launch URL at each read: the host accepts each launch token once. */
  readonly url: string;
  origin: string;
  /** The API token (Authorization: Bearer). */
  token: string;
  dataDir: string;
  process: ChildProcess;
  /** SIGTERM and wait; `kill('SIGKILL')` on `process` simulates a crash. */
  stop(): Promise<void>;
}

const root = resolve(__dirname, '../..');

/** Starts `webhost/cli.ts` as its own process (the built renderer must exist in out/). */
export async function startHost(opts: { dataDir?: string; seed?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<RunningHost> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'dynostage-e2e-'));
  // One process (node --import tsx), so that killing it really kills the host.
  const args = ['--import', 'tsx', 'webhost/cli.ts', '--port', '0', '--data-dir', dataDir];
  if (opts.seed === false) args.push('--no-sandbox-seed');
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      // Specs read and write the sandbox directly and through proxies with the dummy local keys.
      DYNOSTAGE_SANDBOX_ACCESS_KEY_ID: 'local',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`web host exited (${code}):\n${output}`)));
  });
  const parsed = new URL(url);
  const token = /API token \(Authorization: Bearer\): (\S+)/.exec(output)?.[1] ?? '';
  return {
    get url() {
      return `${parsed.origin}/?token=${mintLaunchToken(token)}`;
    },
    origin: parsed.origin,
    token,
    dataDir,
    process: child,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
