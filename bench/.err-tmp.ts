import { startHost } from '../e2e/support/webHost';
async function main() {
  const host = await startHost();
  const post = async (model: unknown) => {
    const r = await fetch(`${host.origin}/api/items:query`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ connectionId: 'sandbox', model }) });
    return JSON.stringify(await r.json()).slice(0, 300);
  };
  const cands: Record<string, unknown> = {
    containsNull: { table: 'SupportTickets', filters: { join: 'AND', conditions: [{ path: 'tags', op: 'contains', values: [{ NULL: true }] }] } },
    bigLimit: { table: 'SupportTickets', pageSize: 100000000 },
    hugeNumber: { table: 'SupportTickets', filters: { join: 'AND', conditions: [{ path: 'priority', op: '=', values: [{ N: '1e125' }] }] } },
    deepPath: { table: 'SupportTickets', filters: { join: 'AND', conditions: [{ path: 'a' + '.b'.repeat(40), op: 'attribute_exists', values: [] }] } },
    bigIndex: { table: 'SupportTickets', filters: { join: 'AND', conditions: [{ path: 'history[99999999999]', op: 'attribute_exists', values: [] }] } },
    projDup: { table: 'SupportTickets', projection: ['history[0]', 'history[1]'] },
    noTable: { table: 'NoSuchTable' },
    segmentsHuge: { table: 'SupportTickets', segments: 1000000 },
    projSame: { table: 'SupportTickets', projection: ['a', 'A'] },
  };
  for (const [k, m] of Object.entries(cands)) console.log(k, await post(m));
  await host.stop();
}
main().catch((e) => { console.error(e); process.exit(1); });
