/**
 * A page's GC roots from a heap snapshot taken over CDP: how many references each synthetic root
 * holds (the internalized string table, global and traced handles...). Every major GC of the page
 * visits them all while it stands still. Used by e2e/web/stringTable.spec.ts and
 * bench/e2e/rootsMillion.ts.
 */
import type { CDPSession } from 'playwright-core';

export interface Snapshot {
  snapshot: { meta: { node_fields: string[]; edge_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

/** Some of the strings the string table holds (every `every`-th), for telling what they are. */
export function internalizedSample(s: Snapshot, every: number): string[] {
  const nf = s.snapshot.meta.node_fields;
  const ef = s.snapshot.meta.edge_fields;
  const stride = nf.length;
  const nameAt = nf.indexOf('name');
  const edgesAt = nf.indexOf('edge_count');
  const toAt = ef.indexOf('to_node');
  let edge = 0;
  for (let i = 0; i < s.nodes.length; i += stride) {
    const count = s.nodes[i + edgesAt]!;
    if (s.strings[s.nodes[i + nameAt]!] === '(Internalized strings)') {
      const out: string[] = [];
      for (let e = edge; e < edge + count; e += every) {
        const to = s.edges[e * ef.length + toAt]!;
        out.push(JSON.stringify(s.strings[s.nodes[to + nameAt]!]!.slice(0, 40)));
      }
      return out;
    }
    edge += count;
  }
  return [];
}

/** Edge counts of the synthetic root nodes (type 'synthetic'), by name. */
export function rootSizes(s: Snapshot): [string, number][] {
  const nf = s.snapshot.meta.node_fields;
  const stride = nf.length;
  const typeAt = nf.indexOf('type');
  const nameAt = nf.indexOf('name');
  const edgesAt = nf.indexOf('edge_count');
  const synthetic = s.snapshot.meta.node_types[0].indexOf('synthetic');
  const out: [string, number][] = [];
  for (let i = 0; i < s.nodes.length; i += stride) {
    if (s.nodes[i + typeAt] !== synthetic) continue;
    out.push([s.strings[s.nodes[i + nameAt]!]!, s.nodes[i + edgesAt]!]);
  }
  return out.sort((a, b) => b[1] - a[1]);
}

export async function heapSnapshot(cdp: CDPSession): Promise<Snapshot> {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  return JSON.parse(chunks.join('')) as Snapshot;
}
