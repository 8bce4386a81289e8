import type { BackendEvent, Envelope } from '../../../shared/contract';
import { jsonBodyOf } from './jsonBody';
import { notePage } from './servedPages';

/** How the renderer reaches the backend: the Electron preload bridge or the web host over HTTP. */
export interface Transport {
  kind: 'electron' | 'web';
  call(channel: string, input: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (event: BackendEvent) => void): () => void;
}

interface PreloadApi {
  call(channel: string, input: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (event: BackendEvent) => void): () => void;
}

declare global {
  interface Window {
    api?: PreloadApi;
  }
}

/**
 * The web host's transport. The host turned the launch URL's token into an HttpOnly session
 * cookie before this page loaded: same-origin requests carry it, and no script can read it.
 */
function webTransport(): Transport {
  const listeners = new Set<(event: BackendEvent) => void>();
  let source: EventSource | null = null;
  const connect = () => {
    source = new EventSource('/api/events');
    source.onmessage = (m: MessageEvent<string>) => {
      const event = JSON.parse(m.data) as BackendEvent;
      // A page the host keeps: a save may name its rows instead of sending them (servedPages.ts).
      if (event.type === 'items:page' && event.servedPage) notePage(event.servedPage, event.loadId, event.items);
      for (const l of listeners) l(event);
    };
  };
  return {
    kind: 'web',
    async call(channel, input) {
      let res: Response;
      try {
        res = await fetch(`/api/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body: jsonBodyOf(input) ?? JSON.stringify(input ?? {}),
        });
      } catch (err) {
        return { ok: false, error: { code: 'Offline', message: `The DynoStage host is not reachable: ${(err as Error).message}` } };
      }
      try {
        return (await res.json()) as Envelope<unknown>;
      } catch {
        return { ok: false, error: { code: 'Internal', message: `HTTP ${res.status} from the host` } };
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      if (!source) connect();
      return () => listeners.delete(listener);
    },
  };
}

let transport: Transport | null = null;

/** The transport for this window: the preload bridge when present, the web host otherwise. */
export function getTransport(): Transport {
  if (!transport) {
    const api = window.api;
    transport = api ? { kind: 'electron', call: api.call, onEvent: api.onEvent } : webTransport();
  }
  return transport;
}
