import type { BackendEvent, Envelope } from '../../../shared/contract';
import { jsonBodyOf } from './jsonBody';
import { notePage } from './servedPages';
import { pageJoiner, type PagePart } from './pageParts';
import { shareRepeatedValues } from '../../../shared/dynamo/shareValues';

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
  let connected = false;
  const deliver = (event: BackendEvent) => {
    // A page the host keeps: a save may name its rows instead of sending them (servedPages.ts).
    if (event.type === 'items:page' && event.servedPage) notePage(event.servedPage, event.loadId, event.items);
    for (const l of listeners) l(event);
  };
  const readHere = () => {
    const source = new EventSource('/api/events');
    source.onmessage = (m: MessageEvent<string>) => {
      const event = JSON.parse(m.data) as BackendEvent;
      if (event.type === 'items:page') shareRepeatedValues(event.items);
      deliver(event);
    };
  };
  const connect = () => {
    connected = true;
    const worker = eventsWorker();
    if (!worker) return readHere();
    let heard = false;
    const join = pageJoiner<BackendEvent>();
    worker.onmessage = (m: MessageEvent<BackendEvent | PagePart>) => {
      heard = true;
      const event = join(m.data);
      if (event) deliver(event);
    };
    // A worker that could not start (its script refused or missing): read the stream here.
    worker.onerror = () => {
      if (heard) return;
      worker.terminate();
      readHere();
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
      if (!connected) connect();
      return () => listeners.delete(listener);
    },
  };
}

/** The event stream's reader off the page's thread (eventsWorker.ts), or null where none starts. */
function eventsWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./eventsWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
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
