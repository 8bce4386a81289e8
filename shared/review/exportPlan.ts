/** The plan as files for the AWS CLI: one request-items file per BatchWriteItem call, and a script. */
import type { ConnectionInfo } from '../contract/connections';
import { toCliRequestFiles } from '../plan/requestItems';
import type { CliRequestFile } from '../plan/requestItems';
import type { PlanRequest } from '../plan/types';
import type { StagedPlan } from './planStaged';

export const SCRIPT_NAME = 'batch-write-items.sh';

const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_');

/**
 * One POSIX shell word holding exactly `s`: always single-quoted, each `'` written as `'\''`.
 * Nothing inside single quotes is special to sh, newlines included, so no user text can end the
 * word and start a command.
 */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Why the export is refused: it names the connection and what is missing. */
export class ExportPlanError extends Error {}

function cliOptions(info: ConnectionInfo): string {
  const parts = ['--region', shellQuote(info.region)];
  if (info.profile) parts.push('--profile', shellQuote(info.profile));
  if (info.endpoint) parts.push('--endpoint-url', shellQuote(info.endpoint));
  return parts.join(' ');
}

/** Each request split in two: its puts and its deletes (either may be empty and is then left out). */
function splitByKind(requests: readonly PlanRequest[]): { puts: PlanRequest[]; deletes: PlanRequest[] } {
  const puts: PlanRequest[] = [];
  const deletes: PlanRequest[] = [];
  for (const r of requests) {
    const p = r.ops.filter((op) => op.kind === 'put');
    const d = r.ops.filter((op) => op.kind === 'delete');
    // A part of a request is within the request's own limits (25 operations, its byte budget).
    if (p.length === r.ops.length) puts.push(r);
    else if (d.length === r.ops.length) deletes.push(r);
    else {
      puts.push({ ...r, ops: p });
      deletes.push({ ...r, ops: d });
    }
  }
  return { puts, deletes };
}

// The AWS CLI does not retry UnprocessedItems. `run` keeps each response next to its request
// file and stops the script (exit 3) when a response is not exactly "nothing left unprocessed",
// so no delete runs after a put that was not written. Matching the CLI's own JSON output keeps
// the script POSIX sh with no jq.
const RUN_FUNCTION = [
  'run() {',
  '  file=$1',
  '  shift',
  '  aws dynamodb batch-write-item "$@" --request-items "file://$file" --output json >"$file.out"',
  '  if ! tr -d \' \\n\\r\\t\' <"$file.out" | grep -q \'^{"UnprocessedItems":{}\'; then',
  '    printf \'%s\\n\' "Stopped: $file left UnprocessedItems (see $file.out)." >&2',
  '    printf \'%s\\n\' "Write its UnprocessedItems to a file, run batch-write-item with it, then run the rest." >&2',
  '    exit 3',
  '  fi',
  '}',
];

/**
 * Every planned request as `aws dynamodb batch-write-item --request-items file://<name>` input
 * (at most 25 put/delete requests each; names prefixed by connection when the plan spans several),
 * plus a POSIX shell script that runs every put before any delete (a move's or key change's copy
 * before the delete it unlocks), passes each call its connection's region, profile and endpoint,
 * and stops before the deletes when any call leaves UnprocessedItems. User text (connection names,
 * ids, profiles, endpoints) appears in the script only as single-quoted words. Throws
 * ExportPlanError when a change belongs to a connection not in `connections`.
 */
export function exportPlanFiles(
  staged: StagedPlan,
  connections: readonly ConnectionInfo[],
): CliRequestFile[] {
  const many = staged.connections.length > 1;
  const phases = { puts: [] as string[], deletes: [] as string[] };
  const files: CliRequestFile[] = [];
  for (const c of staged.connections) {
    const info = connections.find((x) => x.id === c.connectionId);
    if (!info) {
      throw new ExportPlanError(
        `Cannot export changes of connection ${JSON.stringify(c.connectionId)}: it is not in the connection list, so its region, profile and endpoint are unknown. Add the connection or revert its changes.`,
      );
    }
    const prefix = many ? `${safe(c.connectionId)}-` : '';
    const { puts, deletes } = splitByKind(c.plan.requests);
    const putFiles = toCliRequestFiles(puts, `${prefix}put-`);
    const deleteFiles = toCliRequestFiles(deletes, `${prefix}delete-`);
    const options = cliOptions(info);
    const say = `printf '%s\\n' ${shellQuote(`Connection ${info.name} (${info.id})`)}`;
    for (const [list, own] of [
      [phases.puts, putFiles],
      [phases.deletes, deleteFiles],
    ] as const) {
      if (own.length === 0) continue;
      list.push('', say);
      for (const f of own) list.push(`run ${shellQuote(f.name)} ${options}`);
    }
    files.push(...putFiles, ...deleteFiles);
  }
  const script = [
    '#!/bin/sh',
    `# DynoStage plan: ${staged.summary.puts} puts and ${staged.summary.deletes} deletes in ${files.length} BatchWriteItem requests.`,
    '# Run it with sh in the folder that holds the request files. Every put runs before any delete,',
    '# and the script stops before the deletes if a put was not fully processed.',
    'set -eu',
    ...RUN_FUNCTION,
    '',
    '# Puts (copies first: a move or key change deletes only what was written)',
    ...phases.puts,
    '',
    '# Deletes',
    ...phases.deletes,
    '',
    "printf '%s\\n' 'Every request was fully processed.'",
  ];
  files.push({ name: SCRIPT_NAME, json: script.join('\n') + '\n' });
  return files;
}
