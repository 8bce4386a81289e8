/** The plan as files for the AWS CLI: one request-items file per BatchWriteItem call, and a script. */
import type { ConnectionInfo } from '../../../../shared/contract/connections';
import { toCliRequestFiles } from '../../../../shared/plan/requestItems';
import type { CliRequestFile } from '../../../../shared/plan/requestItems';
import type { StagedPlan } from './planInputs';

export const SCRIPT_NAME = 'batch-write-items.sh';

const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_');
const shellQuote = (s: string) =>
  /^[A-Za-z0-9._:/=@+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;

function cliOptions(info: ConnectionInfo | undefined): string {
  if (!info) return '';
  const parts = [`--region ${shellQuote(info.region)}`];
  if (info.profile) parts.push(`--profile ${shellQuote(info.profile)}`);
  if (info.endpoint) parts.push(`--endpoint-url ${shellQuote(info.endpoint)}`);
  return parts.join(' ') + ' ';
}

/**
 * Every planned request as `aws dynamodb batch-write-item --request-items file://<name>` input
 * (at most 25 put/delete requests each, in plan order; names prefixed by connection when the plan
 * spans several), plus a shell script that runs them in order.
 */
export function exportPlanFiles(
  staged: StagedPlan,
  connections: readonly ConnectionInfo[],
): CliRequestFile[] {
  const many = staged.connections.length > 1;
  const files: CliRequestFile[] = [];
  const script = [
    '#!/bin/sh',
    `# DynoStage plan: ${staged.summary.requests} BatchWriteItem requests, ${staged.summary.puts} puts and ${staged.summary.deletes} deletes.`,
    '# Run it in the folder that holds the request files. The AWS CLI does not retry UnprocessedItems:',
    '# if a response lists any, write them to a file and run batch-write-item again with it.',
    'set -e',
  ];
  for (const c of staged.connections) {
    const info = connections.find((x) => x.id === c.connectionId);
    const prefix = many ? `${safe(c.connectionId)}-request-` : 'request-';
    const own = toCliRequestFiles(c.plan, prefix);
    script.push('', `# Connection ${info?.name ?? c.connectionId}: ${own.length} requests`);
    for (const f of own)
      script.push(
        `aws dynamodb batch-write-item ${cliOptions(info)}--request-items file://${f.name}`,
      );
    files.push(...own);
  }
  files.push({ name: SCRIPT_NAME, json: script.join('\n') + '\n' });
  return files;
}
