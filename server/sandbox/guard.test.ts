/** The sandbox answers the backend only: not web pages, not a foreign Host, not other keys. */
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createBackend, type Backend } from '../backend';
import { localClient } from '../../test-support/servers/dynalite';

let dir: string;
let backend: Backend;
let endpoint: string;
const savedKey = process.env.DYNOSTAGE_SANDBOX_ACCESS_KEY_ID;

beforeAll(async () => {
  // The production default: a random key per start, not a test set-up's fixed one.
  delete process.env.DYNOSTAGE_SANDBOX_ACCESS_KEY_ID;
  dir = await mkdtemp(join(tmpdir(), 'dynostage-guard-'));
  backend = await createBackend({ dataDir: dir, seedSandbox: true });
  endpoint = backend.services.sandbox.status().endpoint!;
});
afterAll(async () => {
  await backend.close();
  if (savedKey !== undefined) process.env.DYNOSTAGE_SANDBOX_ACCESS_KEY_ID = savedKey;
  await rm(dir, { recursive: true, force: true });
});

function raw(
  method: string,
  headers: Record<string, string>,
  body = '{}',
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, method, path: '/', headers, agent: false },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const listTables = {
  'Content-Type': 'application/x-amz-json-1.0',
  'X-Amz-Target': 'DynamoDB_20120810.ListTables',
  Authorization: 'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00',
};

describe('the sandbox guard', () => {
  test('a request with an Origin header (a web page) gets 403 and no CORS headers', async () => {
    const post = await raw('POST', { ...listTables, Origin: 'http://evil.example' });
    expect(post.status).toBe(403);
    expect(post.headers['access-control-allow-origin']).toBeUndefined();
    expect(post.body).not.toContain('SupportTickets');
    const preflight = await raw('OPTIONS', {
      Origin: 'http://evil.example',
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'x-amz-target,content-type',
    });
    expect(preflight.status).toBe(403);
    expect(Object.keys(preflight.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  test('a foreign Host (DNS rebinding) is refused', async () => {
    const r = await raw('POST', { ...listTables, Host: 'rebind.example:80' });
    expect(r.status).toBe(403);
  });

  test('a request signed with any other access key id is refused, as DynamoDB refuses unknown keys', async () => {
    const stranger = localClient(endpoint, 1);
    await expect(stranger.send(new ListTablesCommand({}))).rejects.toMatchObject({
      name: 'UnrecognizedClientException',
    });
    stranger.destroy();
    const unsigned = await raw('POST', { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'DynamoDB_20120810.ListTables' });
    expect(unsigned.status).toBe(400);
  });

  test('the app still browses the sandbox through it', async () => {
    const r = await backend.call('tables:list', { connectionId: 'sandbox' });
    expect(r.envelope).toEqual({ ok: true, value: { tables: ['OrgUsers', 'SupportTickets', 'TicketArchive'] } });
    const page = await backend.call('items:query', { connectionId: 'sandbox', model: { table: 'OrgUsers', pageSize: 3 } });
    expect(page.envelope.ok).toBe(true);
  });
});
