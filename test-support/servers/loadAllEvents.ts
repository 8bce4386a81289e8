/**
 * A Load all through a running web host, read as the browser reads it: its event stream, then
 * items:loadAll. Resolves with the load's events, from the first items:page to its items:done.
 * For tests and benchmarks that need served pages (their ids) without a browser.
 */
import type { RunningHost } from './webHost';

export interface LoadEvent {
  type: string;
  loadId: string;
  servedPage?: string;
  items?: unknown[];
  [field: string]: unknown;
}

export async function loadAllEvents(
  host: Pick<RunningHost, 'origin' | 'token'>,
  input: { connectionId: string; model: Record<string, unknown> },
): Promise<LoadEvent[]> {
  const auth = { Authorization: `Bearer ${host.token}` };
  const res = await fetch(`${host.origin}/api/events`, { headers: auth });
  const reader = res.body!.getReader();
  const events: LoadEvent[] = [];
  const loadId = `L-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  let text = '';
  const reading = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      text += Buffer.from(value).toString('utf8');
      let end: number;
      while ((end = text.indexOf('\n\n')) >= 0) {
        const line = text.slice(0, end);
        text = text.slice(end + 2);
        if (!line.startsWith('data: ')) continue;
        const e = JSON.parse(line.slice(6)) as LoadEvent;
        if (e.loadId !== loadId) continue;
        events.push(e);
        if (e.type === 'items:done') return void (await reader.cancel());
      }
    }
  })();
  await new Promise((r) => setTimeout(r, 100)); // the stream is attached
  const answer = await fetch(`${host.origin}/api/items:loadAll`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ ...input, loadId }),
  });
  const out = (await answer.json()) as { ok: boolean; error?: { message: string } };
  if (!out.ok) {
    void reader.cancel();
    throw new Error(`items:loadAll: ${out.error?.message}`);
  }
  await reading;
  return events;
}
