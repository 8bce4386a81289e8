import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelNames } from '../../shared/contract';
import type { Backend } from '../../server/backend';

/** True when the call comes from our own window's top frame, loaded from our own files. */
export function trustedSender(event: IpcMainInvokeEvent, rendererUrl: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent) return false;
  return frame.url.startsWith(rendererUrl);
}

/** Registers every contract channel on ipcMain; each call is sender-checked and validated. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  backend: Backend,
  rendererUrl: () => string,
): string[] {
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!trustedSender(event, rendererUrl())) {
        return { ok: false, error: { code: 'Forbidden', message: 'IPC from an untrusted frame' } };
      }
      const { envelope } = await backend.call(channel, input);
      return envelope;
    });
  }
  return [...channelNames];
}
