/**
 * "Copy as" for the current Query or Scan: the AWS CLI command, JavaScript (SDK v3) and Python
 * (boto3) code, and the equivalent PartiQL statement, all from the request Run sends.
 */
import type { AttributeValue } from '../dynamo/types';
import type { BuiltRequest } from '../query/build';
import { partiqlName, pythonValue, sdkItem, shellWord } from './quote';

/** After the call, the text is an `aws dynamodb query|scan` command sending exactly `req`. */
export function cliCommand(req: BuiltRequest): string {
  const p = req.params;
  const args: string[] = [`aws dynamodb ${req.kind === 'Query' ? 'query' : 'scan'}`, `--table-name ${shellWord(p.TableName)}`];
  if (p.IndexName) args.push(`--index-name ${shellWord(p.IndexName)}`);
  if (p.KeyConditionExpression) args.push(`--key-condition-expression ${shellWord(p.KeyConditionExpression)}`);
  if (p.FilterExpression) args.push(`--filter-expression ${shellWord(p.FilterExpression)}`);
  if (p.ProjectionExpression) args.push(`--projection-expression ${shellWord(p.ProjectionExpression)}`);
  if (p.ExpressionAttributeNames) args.push(`--expression-attribute-names ${shellWord(JSON.stringify(p.ExpressionAttributeNames))}`);
  if (p.ExpressionAttributeValues) args.push(`--expression-attribute-values ${shellWord(JSON.stringify(p.ExpressionAttributeValues))}`);
  if (p.ScanIndexForward === false) args.push('--no-scan-index-forward');
  if (p.ConsistentRead) args.push('--consistent-read');
  // The CLI pages by itself; --page-size is the per-call Limit.
  if (p.Limit !== undefined) args.push(`--page-size ${p.Limit}`);
  return args.join(' \\\n  ');
}

/** After the call, the text is a TypeScript module that reads every page of `req` with SDK v3. */
export function jsSnippet(req: BuiltRequest): string {
  const p = req.params;
  const cmd = `${req.kind}Command`;
  const lines: string[] = [`  TableName: ${JSON.stringify(p.TableName)},`];
  if (p.IndexName) lines.push(`  IndexName: ${JSON.stringify(p.IndexName)},`);
  if (p.KeyConditionExpression) lines.push(`  KeyConditionExpression: ${JSON.stringify(p.KeyConditionExpression)},`);
  if (p.FilterExpression) lines.push(`  FilterExpression: ${JSON.stringify(p.FilterExpression)},`);
  if (p.ProjectionExpression) lines.push(`  ProjectionExpression: ${JSON.stringify(p.ProjectionExpression)},`);
  if (p.ExpressionAttributeNames) lines.push(`  ExpressionAttributeNames: ${JSON.stringify(p.ExpressionAttributeNames)},`);
  if (p.ExpressionAttributeValues) lines.push(`  ExpressionAttributeValues: ${sdkItem(p.ExpressionAttributeValues)},`);
  if (p.ScanIndexForward === false) lines.push('  ScanIndexForward: false,');
  if (p.ConsistentRead) lines.push('  ConsistentRead: true,');
  if (p.Limit !== undefined) lines.push(`  Limit: ${p.Limit},`);
  return [
    `import { DynamoDBClient, ${cmd}, type ${cmd}Input } from '@aws-sdk/client-dynamodb';`,
    '',
    'const client = new DynamoDBClient({});',
    `const input: ${cmd}Input = {`,
    ...lines,
    '};',
    '',
    '// Numbers come back as strings in N: keep them so (38 digits do not fit a JS number).',
    'export async function readAll(): Promise<void> {',
    `  let ExclusiveStartKey: ${cmd}Input['ExclusiveStartKey'];`,
    '  do {',
    `    const page = await client.send(new ${cmd}({ ...input, ExclusiveStartKey }));`,
    '    for (const item of page.Items ?? []) console.log(JSON.stringify(item));',
    '    ExclusiveStartKey = page.LastEvaluatedKey;',
    '  } while (ExclusiveStartKey);',
    '}',
    '',
  ].join('\n');
}

/** After the call, the text is a Python script that reads every page of `req` with boto3. */
export function pythonSnippet(req: BuiltRequest): string {
  const p = req.params;
  const entries: string[] = [];
  const add = (k: string, v: unknown) => entries.push(`    ${JSON.stringify(k)}: ${pythonValue(v)},`);
  add('TableName', p.TableName);
  if (p.IndexName) add('IndexName', p.IndexName);
  if (p.KeyConditionExpression) add('KeyConditionExpression', p.KeyConditionExpression);
  if (p.FilterExpression) add('FilterExpression', p.FilterExpression);
  if (p.ProjectionExpression) add('ProjectionExpression', p.ProjectionExpression);
  if (p.ExpressionAttributeNames) add('ExpressionAttributeNames', p.ExpressionAttributeNames);
  if (p.ExpressionAttributeValues) add('ExpressionAttributeValues', p.ExpressionAttributeValues);
  if (p.ScanIndexForward === false) add('ScanIndexForward', false);
  if (p.ConsistentRead) add('ConsistentRead', true);
  const paging = p.Limit !== undefined ? `, PaginationConfig={"PageSize": ${p.Limit}}` : '';
  return [
    'import base64',
    '',
    'import boto3',
    '',
    'client = boto3.client("dynamodb")',
    'params = {',
    ...entries,
    '}',
    `for page in client.get_paginator(${JSON.stringify(req.kind.toLowerCase())}).paginate(**params${paging}):`,
    '    for item in page["Items"]:',
    '        print(item)',
    '',
  ].join('\n');
}

export interface PartiqlEquivalent {
  statement: string;
  parameters: AttributeValue[];
}

const FUNCTION_NAMES = new Set(['begins_with', 'contains', 'attribute_type', 'size']);

/**
 * After the call, `statement` is a PartiQL SELECT reading what `req` reads (names quoted, every
 * value a `?` in `parameters`, in order); `sortKey` orders it when the Query is descending.
 */
export function partiqlSelect(req: BuiltRequest, sortKey?: string): PartiqlEquivalent {
  const p = req.params;
  const names = p.ExpressionAttributeNames ?? {};
  const values = p.ExpressionAttributeValues ?? {};
  const parameters: AttributeValue[] = [];
  const translate = (expr: string): string =>
    expr
      .replace(/attribute_exists\(([^()]+)\)/g, '$1 IS NOT MISSING')
      .replace(/attribute_not_exists\(([^()]+)\)/g, '$1 IS MISSING')
      .replace(/#n\d+|:v\d+|[A-Za-z_]\w*(?=\()/g, (tok) => {
        if (tok.startsWith('#')) return partiqlName(names[tok] ?? tok);
        if (tok.startsWith(':')) {
          const v = values[tok];
          if (v) parameters.push(v);
          return '?';
        }
        return FUNCTION_NAMES.has(tok) ? tok : tok;
      });
  const where = [p.KeyConditionExpression, p.FilterExpression].filter((x): x is string => !!x).map((x) => translate(x));
  const projection = p.ProjectionExpression ? translate(p.ProjectionExpression) : '*';
  const source = partiqlName(p.TableName) + (p.IndexName ? `.${partiqlName(p.IndexName)}` : '');
  let statement = `SELECT ${projection} FROM ${source}`;
  if (where.length > 0) statement += ` WHERE ${where.length > 1 ? where.map((w) => `(${w})`).join(' AND ') : where[0]}`;
  if (req.kind === 'Query' && p.ScanIndexForward === false && sortKey) statement += ` ORDER BY ${partiqlName(sortKey)} DESC`;
  return { statement, parameters };
}
