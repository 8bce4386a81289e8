import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { StagedChange } from '../changes/types';
import type { QueryModel } from '../contract/items';
import type { KeySchema } from '../dynamo/types';
import { buildRequest } from '../query/build';
import { changeCliCommand, changeStatement } from './changes';
import { cliCommand, jsSnippet, partiqlSelect, pythonSnippet } from './query';

const BIG = '12345678901234567890123456789012345678';
const key: KeySchema = { partitionKey: { name: 'status', type: 'S' }, sortKey: { name: 'createdAt', type: 'N' } };
const model: QueryModel = {
  table: "Support'Tickets",
  index: 'byStatus',
  partitionValue: { S: "it's open" },
  sortCondition: { op: 'between', values: [{ N: '1' }, { N: BIG }] },
  descending: true,
  consistentRead: false,
  pageSize: 50,
  filters: {
    join: 'OR',
    conditions: [
      { path: 'data.tags[0]', op: 'begins_with', values: [{ S: 'v"ip' }] },
      { path: 'attachment', op: '=', values: [{ B: 'AAH/' }] },
      { path: 'name', op: 'attribute_exists', values: [] },
    ],
  },
  projection: ['name', 'data.tags'],
};
const scanModel: QueryModel = { table: 'OrgUsers', mode: 'scan', consistentRead: true, filters: { join: 'AND', conditions: [{ path: 'flags', op: 'contains', values: [{ S: 'é' }] }] } };
const query = buildRequest(model, key);
const scan = buildRequest(scanModel, { partitionKey: { name: 'orgId', type: 'S' } });

/** POSIX shell words of a command (quotes and backslash-newline continuations, as sh reads them). */
function shellWords(cmd: string): string[] {
  const words: string[] = [];
  let cur: string | null = null;
  for (let i = 0; i < cmd.length; i++) {
    const c = cmd[i]!;
    if (c === '\\' && cmd[i + 1] === '\n') {
      i++;
      continue;
    }
    if (c === "'") {
      const end = cmd.indexOf("'", i + 1);
      cur = (cur ?? '') + cmd.slice(i + 1, end);
      i = end;
    } else if (c === '\\') cur = (cur ?? '') + cmd[++i];
    else if (/\s/.test(c)) {
      if (cur !== null) words.push(cur);
      cur = null;
    } else cur = (cur ?? '') + c;
  }
  if (cur !== null) words.push(cur);
  return words;
}
const flag = (words: string[], name: string) => words[words.indexOf(name) + 1];

describe('Copy as: the AWS CLI command', () => {
  test('its JSON parses and names the same expressions and values', () => {
    const words = shellWords(cliCommand(query));
    expect(words.slice(0, 3)).toEqual(['aws', 'dynamodb', 'query']);
    expect(flag(words, '--table-name')).toBe("Support'Tickets");
    expect(flag(words, '--index-name')).toBe('byStatus');
    expect(flag(words, '--key-condition-expression')).toBe(query.params.KeyConditionExpression);
    expect(flag(words, '--filter-expression')).toBe(query.params.FilterExpression);
    expect(flag(words, '--projection-expression')).toBe(query.params.ProjectionExpression);
    expect(JSON.parse(flag(words, '--expression-attribute-names')!)).toEqual(query.params.ExpressionAttributeNames);
    expect(JSON.parse(flag(words, '--expression-attribute-values')!)).toEqual(query.params.ExpressionAttributeValues);
    expect(JSON.stringify(query.params.ExpressionAttributeValues)).toContain(BIG);
    expect(words).toContain('--no-scan-index-forward');
    expect(flag(words, '--page-size')).toBe('50');
    const s = shellWords(cliCommand(scan));
    expect(s.slice(0, 3)).toEqual(['aws', 'dynamodb', 'scan']);
    expect(s).toContain('--consistent-read');
    expect(JSON.parse(flag(s, '--expression-attribute-values')!)).toEqual(scan.params.ExpressionAttributeValues);
  });
});

describe('Copy as: code', () => {
  const root = resolve(__dirname, '..', '..');
  const dir = mkdtempSync(join(root, 'shared', 'copyAs', '.snippets-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the JavaScript snippet type-checks against the SDK v3 types', () => {
    writeFileSync(join(dir, 'query.ts'), jsSnippet(query));
    writeFileSync(join(dir, 'scan.ts'), jsSnippet(scan));
    // A wrong snippet must fail the same check: the check is not vacuous.
    writeFileSync(join(dir, 'wrong.ts'), jsSnippet(query).replace('ScanIndexForward: false', 'ScanIndexForward: "no"'));
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const args = ['--noEmit', '--strict', '--skipLibCheck', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--types', 'node'];
    // One tsc run (the SDK's types take a while to load): only the wrong file may have errors.
    const run = spawnSync(process.execPath, [tsc, ...args, ...['query.ts', 'scan.ts', 'wrong.ts'].map((f) => join(dir, f))], { cwd: root, encoding: 'utf8' });
    const errors = run.stdout.split('\n').filter((l) => /error TS/.test(l));
    expect(errors.filter((l) => !/wrong\.ts\(/.test(l))).toEqual([]);
    expect(errors).toEqual([expect.stringMatching(/wrong\.ts\(\d+,\d+\): error TS2322: Type 'string' is not assignable to type 'boolean/)]);
    expect(jsSnippet(query)).toContain(`{ B: Buffer.from("AAH/", 'base64') }`);
    expect(jsSnippet(query)).toContain(`{"N":"${BIG}"}`);
  });

  const python = spawnSync('python3', ['--version']).status === 0;
  if (!python) console.warn('SKIPPED the Python snippet check: python3 is not installed');
  test.skipIf(!python)('the Python snippet compiles with python3 -m py_compile', () => {
    writeFileSync(join(dir, 'query.py'), pythonSnippet(query));
    writeFileSync(join(dir, 'scan.py'), pythonSnippet(scan));
    execFileSync('python3', ['-m', 'py_compile', join(dir, 'query.py'), join(dir, 'scan.py')]);
    writeFileSync(join(dir, 'wrong.py'), pythonSnippet(query).replace('params = {', 'params = {{'));
    expect(spawnSync('python3', ['-m', 'py_compile', join(dir, 'wrong.py')]).status).not.toBe(0);
    const text = pythonSnippet(query);
    expect(text).toContain('{"B": base64.b64decode("AAH/")}');
    expect(text).toContain('"ScanIndexForward": False');
    expect(text).toContain('get_paginator("query")');
  });
});

describe('Copy as: PartiQL', () => {
  test('the query as a SELECT with its values as ? parameters, in order', () => {
    const out = partiqlSelect(query, 'createdAt');
    expect(out.statement).toBe(
      'SELECT "name", "data"."tags", "status", "createdAt" FROM "Support\'Tickets"."byStatus" WHERE ("status" = ? AND "createdAt" BETWEEN ? AND ?) AND ' +
        '((begins_with("data"."tags"[0], ?)) OR ("attachment" = ?) OR ("name" IS NOT MISSING)) ORDER BY "createdAt" DESC',
    );
    expect(out.parameters).toEqual([{ S: "it's open" }, { N: '1' }, { N: BIG }, { S: 'v"ip' }, { B: 'AAH/' }]);
    expect(partiqlSelect(scan)).toEqual({ statement: 'SELECT * FROM "OrgUsers" WHERE contains("flags", ?)', parameters: [{ S: 'é' }] });
  });

  test('staged changes as INSERT, UPDATE and DELETE statements and CLI commands', () => {
    const base = { connectionId: 'c', table: 'T', key: { pk: { S: 'a' } } };
    const put: StagedChange = { ...base, kind: 'put', item: { pk: { S: 'a' }, "it's": { NS: ['1', BIG] } } };
    const update: StagedChange = {
      ...base,
      kind: 'update',
      original: { pk: { S: 'a' }, same: { N: '1' }, gone: { S: 'x' }, changed: { S: 'old' } },
      item: { pk: { S: 'a' }, same: { N: '1' }, changed: { SS: ['new'] }, added: { B: 'AA==' } },
    };
    const del: StagedChange = { ...base, kind: 'delete', original: { pk: { S: 'a' } } };
    expect(changeStatement(put)).toEqual({ statement: `INSERT INTO "T" VALUE {'pk': ?, 'it''s': ?}`, parameters: [{ S: 'a' }, { NS: ['1', BIG] }] });
    expect(changeStatement(update)).toEqual({
      statement: 'UPDATE "T" SET "changed" = ? SET "added" = ? REMOVE "gone" WHERE "pk" = ?',
      parameters: [{ SS: ['new'] }, { B: 'AA==' }, { S: 'a' }],
    });
    expect(changeStatement(del)).toEqual({ statement: 'DELETE FROM "T" WHERE "pk" = ?', parameters: [{ S: 'a' }] });
    const putWords = shellWords(changeCliCommand(put));
    expect(putWords.slice(0, 3)).toEqual(['aws', 'dynamodb', 'put-item']);
    expect(JSON.parse(flag(putWords, '--item')!)).toEqual(put.item);
    const delWords = shellWords(changeCliCommand(del));
    expect(JSON.parse(flag(delWords, '--key')!)).toEqual(del.key);
  });
});
