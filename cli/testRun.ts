/** Test helpers for the CLI: run `main` in-process with captured output, write change files. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Io } from './apply';
import { main } from './main';
import type { Summary } from './summary';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: { AWS_ACCESS_KEY_ID: '' },
    onInterrupt: () => () => {},
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** The --json summary: the last line of stdout. */
export const summaryOf = (run: CliRun) =>
  JSON.parse(run.stdout.trimEnd().split('\n').at(-1) ?? '') as Summary;

export async function writeLines(dir: string, name: string, lines: unknown[]): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return file;
}
