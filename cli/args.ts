/** Command-line parsing for `dynostage`: a usage error is a message, never a stack trace. */
import { parseArgs } from 'node:util';

export class UsageError extends Error {}

export interface ApplyArgs {
  command: 'apply' | 'plan';
  files: string[];
  endpoint?: string;
  profile?: string;
  region?: string;
  concurrency?: number;
  /** Deprecated: retry rounds per operation before it fails (default: no limit). */
  maxRounds?: number;
  /** Stop when no operation has settled for this long, s (default 60). */
  timeBudgetS?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  journal?: string;
  resume?: string;
  out?: string;
  /** Apply an exported plan file even when it was edited after the export. */
  force?: boolean;
  json: boolean;
}

export type Parsed = { command: 'help' } | ApplyArgs;

export const USAGE = `Usage:
  dynostage apply FILE... [options]   write the changes in FILE(s) with BatchWriteItem
  dynostage apply --resume JOURNAL    finish a commit that was interrupted
  dynostage plan FILE... [--out DIR]  show the requests and WCU; --out writes AWS CLI files

FILE holds one change per line, in DynamoDB JSON:
  {"table":"Users","put":{"id":{"S":"u1"},"age":{"N":"42"}}}
  {"table":"Users","delete":{"id":{"S":"u2"}}}
  {"table":"Users","move":{"to":"UsersArchive","item":{"id":{"S":"u3"},"age":{"N":"7"}}}}
A move copies the item to "to", and deletes it from "table" only once the copy is written.
or is an AWS CLI request-items file: {"Users":[{"PutRequest":{"Item":{...}}}, ...]}

Options:
  --endpoint URL      DynamoDB endpoint (dynalite, DynamoDB Local, a proxy)
  --profile NAME      AWS profile from ~/.aws/config and ~/.aws/credentials
  --region R          AWS region (default: from the profile or the environment)
  --concurrency N     requests in flight at the start, 1-8 (default 4; adapts)
  --time-budget S     give up when no operation has been written for S seconds (default 60);
                      until then unprocessed and throttled writes are retried
  --max-rounds N      deprecated: fail an operation after N retry rounds (default: no limit)
  --backoff-base MS   first backoff ceiling; doubles each round (default 100)
  --backoff-cap MS    largest backoff ceiling (default 10000)
  --journal PATH      write a journal there, so an interrupted commit can be resumed
  --resume PATH       resume from a journal (no FILE)
  --out DIR           (plan) write one request-items file per request into DIR
  --force             apply an exported plan file even though it was edited after the export
  --json              end with one line of JSON: the summary
  --help              this text

Nothing is sent while any item is one DynamoDB would reject: every problem is listed.

Exit status: 0 all written; 2 some operations failed, were held or canceled; 1 usage or setup
error, or invalid items (nothing sent).`;

function int(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${text}"`);
  }
  return n;
}

/** Parses argv (without node and the script); throws UsageError with a message for the user. */
export function parseCli(argv: string[]): Parsed {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        endpoint: { type: 'string' },
        profile: { type: 'string' },
        region: { type: 'string' },
        concurrency: { type: 'string' },
        'max-rounds': { type: 'string' },
        'time-budget': { type: 'string' },
        'backoff-base': { type: 'string' },
        'backoff-cap': { type: 'string' },
        journal: { type: 'string' },
        resume: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const { values: v, positionals } = parsed;
  const [command, ...files] = positionals;
  if (v.help || command === 'help' || command === undefined) return { command: 'help' };
  if (command !== 'apply' && command !== 'plan')
    throw new UsageError(`unknown command "${command}"`);
  if (v.endpoint !== undefined && !/^https?:\/\/[^\s]+$/.test(v.endpoint)) {
    throw new UsageError(`--endpoint must be an http(s) URL, not "${v.endpoint}"`);
  }
  if (v.resume !== undefined) {
    if (command !== 'apply') throw new UsageError('--resume goes with apply');
    if (files.length > 0)
      throw new UsageError('--resume takes no FILE: the journal holds the plan');
    if (v.journal !== undefined)
      throw new UsageError('--resume appends to its own journal; drop --journal');
  } else if (files.length === 0) {
    throw new UsageError(`${command} needs a FILE (or --resume JOURNAL)`);
  }
  if (v.out !== undefined && command !== 'plan') throw new UsageError('--out goes with plan');
  const args: ApplyArgs = { command, files, json: v.json === true };
  if (v.endpoint !== undefined) args.endpoint = v.endpoint;
  if (v.profile !== undefined) args.profile = v.profile;
  if (v.region !== undefined) args.region = v.region;
  if (v.journal !== undefined) args.journal = v.journal;
  if (v.resume !== undefined) args.resume = v.resume;
  if (v.out !== undefined) args.out = v.out;
  if (v.force === true) args.force = true;
  const concurrency = int('concurrency', v.concurrency, 1, 8);
  if (concurrency !== undefined) args.concurrency = concurrency;
  const maxRounds = int('max-rounds', v['max-rounds'], 0, 100);
  if (maxRounds !== undefined) args.maxRounds = maxRounds;
  const budget = int('time-budget', v['time-budget'], 1, 86_400);
  if (budget !== undefined) args.timeBudgetS = budget;
  const base = int('backoff-base', v['backoff-base'], 0, 60_000);
  if (base !== undefined) args.backoffBaseMs = base;
  const cap = int('backoff-cap', v['backoff-cap'], 0, 600_000);
  if (cap !== undefined) args.backoffCapMs = cap;
  return args;
}
