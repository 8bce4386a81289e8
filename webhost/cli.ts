import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createBackend } from '../server/backend';
import { startWebHost } from './server';

const USAGE = `Usage: npm run web -- [--port N] [--data-dir DIR] [--no-sandbox-seed]
  --port N            port on 127.0.0.1 (default 0: a free port)
  --data-dir DIR      where the sandbox store and staged changes live
  --no-sandbox-seed   start the sandbox without the demo tables`;

/** The per-user data folder of the web host when --data-dir is not given. */
export function defaultDataDir(): string {
  if (process.env.DYNOSTAGE_DATA_DIR) return process.env.DYNOSTAGE_DATA_DIR;
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'DynoStage', 'web');
  if (process.platform === 'win32') return join(process.env.APPDATA ?? homedir(), 'DynoStage', 'web');
  return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'dynostage', 'web');
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        port: { type: 'string', default: '0' },
        'data-dir': { type: 'string' },
        'no-sandbox-seed': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    process.exit(1);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be an integer from 0 to 65535, got "${args.port}"\n${USAGE}`);
    process.exit(1);
  }
  const dataDir = resolve(args['data-dir'] ?? defaultDataDir());
  const started = Date.now();
  // How many bytes of served Load all pages a save may name (server/items/servedPages.ts).
  const servedPagesBytes = Number(process.env.DYNOSTAGE_SERVED_PAGES_BYTES) || undefined;
  const backend = await createBackend({ dataDir, seedSandbox: !args['no-sandbox-seed'], servedPagesBytes });
  const host = await startWebHost({
    backend,
    port,
    staticDir: resolve(__dirname, '../out/renderer'),
    // Tests that need the list in the page whatever the machine's load set a longer wait.
    ...(process.env.DYNOSTAGE_EARLY_LIST_WAIT_MS
      ? { earlyListWaitMs: Number(process.env.DYNOSTAGE_EARLY_LIST_WAIT_MS) }
      : {}),
  });
  const sandbox = backend.services.sandbox.status();
  console.log(`DynoStage web host ready in ${Date.now() - started} ms (data: ${dataDir})`);
  if (sandbox.state !== 'running') console.log(`Sandbox unavailable: ${sandbox.error}`);
  // The API token first: the e2e fixture reads it before the URL. The URL works once.
  console.log(`API token (Authorization: Bearer): ${host.token}`);
  console.log(`Open ${host.url}`);
  const stop = async () => {
    await host.close();
    await backend.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

void main();
