import type { IpcMainInvokeEvent } from 'electron';
import { expect, test } from 'vitest';
import { channelNames } from '../../shared/contract';
import type { Backend } from '../../server/backend';
import { dispatch } from '../../server/dispatch';
import type { Services } from '../../server/services';
import { registerIpc } from './ipc';

// The Electron binary cannot run here, so ipcMain is a recorder with ipcMain.handle's signature;
// the handlers it records are the real ones and run against the real dispatch.
type Listener = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>;

function setup() {
  const registered = new Map<string, Listener>();
  const ipc = { handle: (channel: string, l: Listener) => void registered.set(channel, l) };
  const backend = { call: (c: string, i: unknown) => dispatch(c, i, {} as Services) } as unknown as Backend;
  registerIpc(ipc as never, backend, () => 'file:///app/renderer/');
  return registered;
}

const frame = (url: string, parent: unknown = null) =>
  ({ senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent;

test('the Electron host registers every channel of the contract', () => {
  expect([...setup().keys()].sort()).toEqual([...channelNames].sort());
});

test('an invalid payload over IPC is refused with the field named', async () => {
  const out = await setup().get('tables:describe')!(frame('file:///app/renderer/index.html'), {
    connectionId: 'sandbox',
  });
  expect(out).toEqual({
    ok: false,
    error: { code: 'BadInput', message: expect.stringContaining('table: ') },
  });
});

test('calls from a foreign or nested frame are refused', async () => {
  const l = setup().get('connections:list')!;
  expect(await l(frame('https://evil.example/'), {})).toMatchObject({ ok: false, error: { code: 'Forbidden' } });
  expect(await l(frame('file:///app/renderer/index.html', {}), {})).toMatchObject({
    ok: false,
    error: { code: 'Forbidden' },
  });
});
