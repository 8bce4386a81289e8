import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channelNames, type BackendEvent } from '../../shared/contract';

export const EVENT_CHANNEL = 'dynostage:event';

/** The one object the renderer gets: a function per contract channel, plus event subscription. */
const api = {
  channels: [...channelNames],
  call(channel: string, input: unknown): Promise<unknown> {
    if (!(channelNames as string[]).includes(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'NotFound', message: `Unknown channel "${channel}"` },
      });
    }
    return ipcRenderer.invoke(channel, input);
  },
  onEvent(listener: (event: BackendEvent) => void): () => void {
    const wrapped = (_e: IpcRendererEvent, event: BackendEvent) => listener(event);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('api', api);
