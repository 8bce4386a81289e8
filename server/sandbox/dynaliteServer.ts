/**
 * The one way DynoStage starts dynalite (the sandbox, and the tests' local endpoint in
 * test-support/servers/dynalite.ts): tables ready at once, in memory or in a LevelDB folder,
 * listening on a socket path or a loopback port.
 */
import type { Server } from 'node:http';

// dynalite ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS module without types
const dynalite = require('dynalite') as (opts: Record<string, unknown>) => Server;

/** Where dynalite listens: a Unix socket or named pipe path, or a port on 127.0.0.1 (0: any free one). */
export type DynaliteAddress = { socket: string } | { port: number };

/** Starts dynalite (its store in the LevelDB folder `path`, else in memory) listening at `at`. */
export async function startDynaliteServer(at: DynaliteAddress, path?: string): Promise<Server> {
  const server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(path ? { path } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    if ('socket' in at) server.listen(at.socket, () => resolve());
    else server.listen(at.port, '127.0.0.1', () => resolve());
  });
  return server;
}

/** Closes a server started here; resolves when it no longer listens. */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => server.close(() => resolve()));
}
