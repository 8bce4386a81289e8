import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BackendEvent } from '../../shared/contract';
import type { Sandbox } from '../sandbox/sandbox';
import { MfaBroker } from './mfa';
import { ConnectionRegistry } from './registry';
import { closedPort, useAwsHome, writeAwsHome, type AwsHome } from './testSupport';

const ask = { connectionId: 'c', connectionName: 'C', profile: 'p', serialNumber: 'arn:mfa' };

describe('MfaBroker', () => {
  test('emits a prompt, resolves with the answer, and emits the outcome', async () => {
    const events: BackendEvent[] = [];
    const broker = new MfaBroker((e) => events.push(e), 60_000);
    const code = broker.ask(ask);
    expect(broker.pending()).toHaveLength(1);
    const prompt = events[0] as Extract<BackendEvent, { type: 'connections:mfaPrompt' }>;
    expect(prompt).toMatchObject({ type: 'connections:mfaPrompt', ...ask });
    expect(prompt.expiresAt).toBeGreaterThan(Date.now());
    expect(broker.answer(prompt.promptId, '000111')).toBe(true);
    await expect(code).resolves.toBe('000111');
    expect(broker.answer(prompt.promptId, '000111')).toBe(false);
    expect(events[1]).toEqual({
      type: 'connections:mfaSettled',
      promptId: prompt.promptId,
      outcome: 'answered',
    });
    expect(broker.pending()).toEqual([]);
  });

  test('times out with MfaTimeout instead of waiting for ever', async () => {
    const events: BackendEvent[] = [];
    const broker = new MfaBroker((e) => events.push(e), 50);
    await expect(broker.ask(ask)).rejects.toMatchObject({
      name: 'MfaTimeout',
      message: expect.stringContaining('No MFA code was entered for profile "p"'),
    });
    expect(events.map((e) => (e.type === 'connections:mfaSettled' ? e.outcome : e.type))).toEqual([
      'connections:mfaPrompt',
      'timedOut',
    ]);
  });
});

describe('an unanswered prompt during a connection test', () => {
  let home: AwsHome;
  let restore: () => void;
  let dataDir: string;

  beforeAll(async () => {
    home = await writeAwsHome('http://127.0.0.1:9');
    restore = useAwsHome(home, { AWS_ENDPOINT_URL_STS: `http://127.0.0.1:${await closedPort()}` });
    dataDir = await mkdtemp(join(tmpdir(), 'dynostage-mfa-'));
  });
  afterAll(async () => {
    restore();
    await rm(home.dir, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  });

  test('reports MfaTimeout as the test result', async () => {
    const events: BackendEvent[] = [];
    const registry = new ConnectionRegistry({
      sandbox: {} as Sandbox,
      dataDir,
      emit: (e) => events.push(e),
      mfaTimeoutMs: 100,
    });
    const result = await registry.test({ connectionId: 'profile:mfa-role' });
    expect(result).toMatchObject({ status: 'failed', code: 'MfaTimeout' });
    expect(events.at(-1)).toMatchObject({ type: 'connections:mfaSettled', outcome: 'timedOut' });
    registry.close();
  });
});
