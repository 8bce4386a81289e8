/** A profile's credentials go to a non-AWS or plain-http endpoint only after an explicit confirmation. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { credentialsEndpointRisk } from '../../shared/contract/connections';
import { createBackend, type Backend } from '../backend';
import { startDynalite, type LocalDynamo } from '../../test-support/servers/dynalite';
import { useAwsHome, writeAwsHome, type AwsHome } from './testSupport';

let dynamo: LocalDynamo;
let home: AwsHome;
let restore: () => void;
let dataDir: string;
let backend: Backend;

beforeAll(async () => {
  dynamo = await startDynalite();
  home = await writeAwsHome(dynamo.endpoint);
  restore = useAwsHome(home);
  dataDir = await mkdtemp(join(tmpdir(), 'dynostage-confirm-'));
  backend = await createBackend({ dataDir, seedSandbox: false });
});
afterAll(async () => {
  await backend.close();
  await dynamo.close();
  restore();
  await rm(home.dir, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
});

const processRuns = () => readFile(home.processLog, 'utf8').catch(() => '').then((t) => t.split('\n').length - 1);

describe('credentialsEndpointRisk', () => {
  test('https AWS hosts need no confirmation; http or foreign hosts do', () => {
    expect(credentialsEndpointRisk('https://dynamodb.eu-west-1.amazonaws.com')).toBeUndefined();
    expect(credentialsEndpointRisk('https://dynamodb.cn-north-1.amazonaws.com.cn')).toBeUndefined();
    expect(credentialsEndpointRisk('https://dynamodb.us-east-1.api.aws')).toBeUndefined();
    expect(credentialsEndpointRisk('http://dynamodb.eu-west-1.amazonaws.com')).toMatch(/not https/);
    expect(credentialsEndpointRisk('https://amazonaws.com.evil.example')).toMatch(/not an AWS endpoint/);
    expect(credentialsEndpointRisk('http://127.0.0.1:8000')).toMatch(/not https/);
  });
});

describe('connections:save and connections:test with a profile on a custom endpoint', () => {
  test('without the confirmation: refused, and the profile never runs', async () => {
    const before = await processRuns();
    const draft = { kind: 'endpoint', name: 'Local proc', endpoint: dynamo.endpoint, profile: 'proc' };
    const tested = await backend.call('connections:test', { draft });
    expect(tested.envelope).toMatchObject({ ok: false, error: { code: 'ConfirmationRequired' } });
    const message = tested.envelope.ok ? '' : tested.envelope.error.message;
    expect(message).toContain(`Profile "proc" would sign requests to ${dynamo.endpoint}`);
    const saved = await backend.call('connections:save', draft);
    expect(saved.envelope).toMatchObject({ ok: false, error: { code: 'ConfirmationRequired' } });
    // A confirmation for another endpoint is no confirmation.
    const other = await backend.call('connections:save', { ...draft, confirmCredentialsTo: 'http://127.0.0.1:1' });
    expect(other.envelope.ok).toBe(false);
    expect(await processRuns()).toBe(before);
  });

  test('with the endpoint confirmed: saved and tested; without a profile no confirmation is asked', async () => {
    const draft = { kind: 'endpoint', name: 'Local proc ok', endpoint: dynamo.endpoint, profile: 'proc', confirmCredentialsTo: dynamo.endpoint };
    const tested = await backend.call('connections:test', { draft });
    expect(tested.envelope).toMatchObject({ ok: true, value: { result: { status: 'ok' } } });
    expect((await backend.call('connections:save', draft)).envelope.ok).toBe(true);
    const plain = await backend.call('connections:save', { kind: 'endpoint', name: 'Plain local', endpoint: dynamo.endpoint });
    expect(plain.envelope.ok).toBe(true);
  });
});
