import { describe, expect, test } from 'vitest';
import { channelNames } from '../shared/contract';
import { dispatch } from './dispatch';
import { handlers, type Handlers } from './handlers';
import type { Services } from './services';

const services = {} as Services;

describe('dispatch', () => {
  test('has a handler for every channel of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...channelNames].sort());
  });

  test('refuses an invalid payload with the field named and never calls the handler', async () => {
    let called = false;
    const spy = { ...handlers, 'tables:list': async () => ((called = true), { tables: [] }) } as Handlers;
    const out = await dispatch('tables:list', { connectionId: 42 }, services, spy);
    expect(out.status).toBe(400);
    expect(out.envelope).toEqual({
      ok: false,
      error: { code: 'BadInput', message: expect.stringMatching(/^Invalid input for tables:list: connectionId: /) },
    });
    expect(called).toBe(false);
  });

  test('a paced load is refused a window of 0 and an acknowledgement of negative pages, each field named', async () => {
    const load = await dispatch(
      'items:loadAll',
      { connectionId: 'sandbox', loadId: 'L', model: { table: 'T' }, window: 0 },
      services,
    );
    expect(load.status).toBe(400);
    expect(load.envelope).toMatchObject({
      ok: false,
      error: { code: 'BadInput', message: expect.stringContaining('window: window must be at least 1 page') },
    });
    const taken = await dispatch('items:taken', { connectionId: 'sandbox', loadId: 'L', pages: -1 }, services);
    expect(taken.envelope).toMatchObject({
      ok: false,
      error: { code: 'BadInput', message: expect.stringContaining('pages: pages must not be negative') },
    });
  });

  test('an unexpected handler crash is a 500 Internal error with its message', async () => {
    const crashing = {
      ...handlers,
      'connections:list': async () => {
        throw new TypeError('cannot read x of undefined');
      },
    } as Handlers;
    const out = await dispatch('connections:list', {}, services, crashing);
    expect(out.status).toBe(500);
    expect(out.envelope).toEqual({
      ok: false,
      error: { code: 'Internal', message: 'TypeError: cannot read x of undefined' },
    });
  });

  test("an SSO login error keeps the command that fixes it, so the app can show it from any call", async () => {
    const sso = {
      ...handlers,
      'tables:list': async () => {
        throw Object.assign(new Error('The AWS SSO session for profile "dev" has expired.'), {
          name: 'SsoLoginRequired',
          fix: 'aws sso login --profile dev',
        });
      },
    } as Handlers;
    const out = await dispatch('tables:list', { connectionId: 'profile:dev' }, services, sso);
    expect(out.envelope).toEqual({
      ok: false,
      error: {
        code: 'SsoLoginRequired',
        message: 'The AWS SSO session for profile "dev" has expired.',
        fix: 'aws sso login --profile dev',
      },
    });
  });

  test('an unknown channel is NotFound', async () => {
    const out = await dispatch('nope:nothing', {}, services);
    expect(out.status).toBe(404);
  });
});
