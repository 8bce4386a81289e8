/**
 * The web host's part of a bulk set, without a browser: Load all of a table over the event stream
 * (as the renderer reads it), then staging:apply saves of a tenth of the rows as one group (what
 * the renderer sends after a bulk set: the update once, the rows by served page and index)
 * alternating with their undo, each timed from request to answer. The first saves run on cold
 * code, as in the bench's first runs. ENTRIES=1 sends each row as an entry naming its served image
 * (the save before groups), for comparison.
 *
 *   BENCH_ITEMS=100000 SAVES=8 tsx bench/e2e/hostSave.ts
 */
import { loadavg } from 'node:os';
import { startDynaliteProcess, startEnv } from './env';
import { createTable } from './fill';
import { spread, fmt } from './stats';
import { hostProfileEnv, printHostProfiles } from './hostProfile';
import { loadAllEvents } from '../../test-support/servers/loadAllEvents';
import { changeIdOf, rowId } from '../../shared/changes/identity';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const SAVES = Number(process.env.SAVES ?? 8);
/** ENTRIES=1: each row as an entry naming its served image (the save before groups). */
const ENTRIES = process.env.ENTRIES === '1';
/** PROFILE_DIR: a CPU profile of the host, from the first save on, summarised at the end. */
const PROFILE = process.env.PROFILE_DIR;

interface Row {
  page: string;
  index: number;
  id: string;
}

async function main(): Promise<void> {
  const dynalite = await startDynaliteProcess();
  // Host node options and output: BENCH_HOST_NODE_OPTIONS, BENCH_HOST_LOG (env.ts), as in every bench.
  const env = await startEnv(dynalite, PROFILE ? hostProfileEnv(PROFILE, true) : undefined);
  try {
    await createTable(env.client, 'hostsave');
    await env.dynalite.fill('hostsave', ITEMS, 'wide');
    const { origin, token } = env.host;
    const api = async (channel: string, input: unknown): Promise<number> => {
      const body = JSON.stringify(input);
      const t = performance.now();
      const res = await fetch(`${origin}/api/${channel}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body,
      });
      const out = (await res.json()) as { ok: boolean; error?: { message: string } };
      if (!out.ok) throw new Error(`${channel}: ${out.error?.message}`);
      return performance.now() - t;
    };
    // Load all, read from the event stream as the browser reads it.
    const rows: Row[] = [];
    const loadStart = performance.now();
    const events = await loadAllEvents(env.host, { connectionId: env.connectionId, model: { table: 'hostsave' } });
    const loadMs = performance.now() - loadStart;
    for (const e of events) {
      const items = (e.items ?? []) as { id: { S: string } }[];
      if (e.type === 'items:page' && e.servedPage) {
        items.forEach((item, index) => rows.push({ page: e.servedPage!, index, id: item.id.S }));
      }
    }
    const chosen = rows.filter((_, i) => i % 10 === 3);
    if (PROFILE) env.host.process.kill('SIGUSR2');
    const entry = (r: Row, value: string) => ({
      id: `${env.connectionId}|hostsave|[${JSON.stringify('S:' + r.id)}]`,
      connectionId: env.connectionId,
      table: 'hostsave',
      updateRef: { key: { id: { S: r.id } }, page: r.page, index: r.index, set: { status: { S: value } }, remove: [] },
    });
    const unstage = (r: Row) => ({
      id: `${env.connectionId}|hostsave|[${JSON.stringify('S:' + r.id)}]`,
      connectionId: env.connectionId,
      table: 'hostsave',
    });
    // What the renderer sends for a bulk edit (stores/stagingSave.ts): one group, rows by page.
    const group = (value: string) => {
      const byPage = new Map<string, number[]>();
      for (const r of chosen) {
        if (!byPage.has(r.page)) byPage.set(r.page, []);
        byPage.get(r.page)!.push(r.index);
      }
      return {
        connectionId: env.connectionId,
        table: 'hostsave',
        keySchema: { partitionKey: { name: 'id', type: 'S' } },
        set: { status: { S: value } },
        remove: [],
        rows: [...byPage].map(([page, indexes]) => ({ page, indexes })),
      };
    };
    const hostId = (r: Row) => changeIdOf(env.connectionId, 'hostsave', rowId({ id: { S: r.id } }, { partitionKey: { name: 'id', type: 'S' } }));
    const saves: number[] = [];
    const undos: number[] = [];
    for (let i = 0; i < SAVES; i++) {
      if (ENTRIES) {
        saves.push(await api('staging:apply', { entries: chosen.map((r) => entry(r, `bulk-${i}`)) }));
        undos.push(await api('staging:apply', { entries: chosen.map(unstage) }));
      } else {
        saves.push(await api('staging:apply', { entries: [], groups: [group(`bulk-${i}`)] }));
        undos.push(await api('staging:apply', { entries: chosen.map((r) => ({ ...unstage(r), id: hostId(r) })) }));
      }
    }
    const as = ENTRIES ? 'entries naming their served images' : 'one group';
    console.log(`${rows.length} rows loaded in ${loadMs.toFixed(0)} ms; ${chosen.length} rows per save, as ${as} (load ${loadavg()[0]!.toFixed(2)})`);
    console.log(`  save: ${fmt(spread(saves))}; runs ${saves.map((x) => x.toFixed(0)).join(' ')}`);
    console.log(`  undo: ${fmt(spread(undos))}; runs ${undos.map((x) => x.toFixed(0)).join(' ')}`);
  } finally {
    await env.stop();
  }
  if (PROFILE) printHostProfiles(PROFILE);
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
