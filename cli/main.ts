/** The `dynostage` command line. bin/dynostage.cjs loads this through tsx: no build step. */
import { UsageError, USAGE, parseCli } from './args';
import { runApply, runPlan, type Io } from './apply';
import { InvalidWritesError } from '../shared/validation/writes';
import { SetupError } from './connect';
import { escaping } from './escape';

export const processIo: Io = {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  onInterrupt(handler) {
    let count = 0;
    const onSignal = () => {
      // The first Ctrl-C cancels cleanly; a second one gives up on the calls in flight.
      if (++count > 1) process.exit(130);
      handler();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    return () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    };
  },
};

/** Runs the command line; resolves to the exit status (it never throws). */
export async function main(argv: string[], raw: Io = processIo): Promise<number> {
  // Everything printed is escaped but the progress bar, which draws with its own control codes.
  const io: Io = {
    ...raw,
    stdout: escaping(raw.stdout),
    stderr: escaping(raw.stderr),
    progressLine: raw.progressLine ?? raw.stderr,
  };
  try {
    const args = parseCli(argv);
    if (args.command === 'help') {
      io.stdout.write(USAGE + '\n');
      return 0;
    }
    return args.command === 'plan' ? await runPlan(args, io) : await runApply(args, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`dynostage: ${err.message}\nTry: dynostage --help\n`);
      return 1;
    }
    if (err instanceof InvalidWritesError) {
      io.stderr.write(`dynostage: ${err.message}\n`);
      if (argv.includes('--json')) io.stdout.write(JSON.stringify({ invalid: err.issues }) + '\n');
      return 1;
    }
    if (err instanceof SetupError) {
      io.stderr.write(`dynostage: ${err.message}\n`);
      return 1;
    }
    const e = err as Error;
    io.stderr.write(`dynostage: ${e?.message ?? String(err)}\n`);
    if (io.env.DYNOSTAGE_DEBUG) io.stderr.write(`${e?.stack ?? ''}\n`);
    return 1;
  }
}
