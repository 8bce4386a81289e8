/**
 * Grid benchmark: 100,000 generated items (about 1 KB each, 20 attributes, mixed types, nested
 * values) go into the SupportTickets grid of the real web host in headless Chromium, through the
 * renderer's bench-only hook (`?bench=1`, see renderer/src/features/browse/benchHook.ts).
 * Prints the time from data arrival to the first painted rows, frame times while scrolling from
 * the top to the bottom, and the JS heap after loading. The last line is one JSON object.
 *
 *   npm run bench:grid            (BENCH_ITEMS=20000 for a quicker run)
 */
import { readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHost } from '../e2e/support/webHost';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const SCROLL_FRAMES = Number(process.env.BENCH_FRAMES ?? 600);
const TARGETS = { firstPaintMs: 300, scrollP95Ms: 20, heapMB: 600 };

/** Runs in the page: deterministic items, about 1 KB each, 20 attributes, not all on every item. */
function generateItems(count: number): number {
  let seed = 12345;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india'];
  const word = () => words[Math.floor(rand() * words.length)] as string;
  const sentence = (n: number) => Array.from({ length: n }, word).join(' ');
  const b64 = (n: number) =>
    btoa(String.fromCharCode(...Array.from({ length: n }, () => Math.floor(rand() * 256))));
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const item: Record<string, unknown> = {
      ticketId: { S: 'B-' + String(i).padStart(6, '0') },
      status: { S: ['open', 'pending', 'resolved', 'in-progress'][i % 4] },
      subject: { S: sentence(6) },
      priority: { N: String(1 + (i % 5)) },
      createdAt: { N: String(1_767_225_600 + i * 37) },
      amount: { N: `${Math.floor(rand() * 1e9)}.${String(i % 100).padStart(2, '0')}` },
      exact: { N: '1234567890123456789012345678901234567.' + (i % 10) },
      resolved: { BOOL: i % 2 === 0 },
      tags: { SS: [word(), word() + '-x', 'tag' + (i % 17)] },
      scores: { NS: [String(i % 100), String((i * 7) % 1000), '3.14'] },
      customer: {
        M: {
          name: { S: 'Customer ' + (i % 5000) },
          email: { S: `c${i % 5000}@example.com` },
          vip: { BOOL: i % 10 === 0 },
          address: { M: { city: { S: word() }, zip: { S: String(10000 + (i % 89999)) } } },
        },
      },
      history: {
        L: [
          {
            M: {
              at: { N: String(1_767_225_600 + i) },
              by: { S: word() },
              note: { S: sentence(5) },
            },
          },
          {
            M: {
              at: { N: String(1_767_229_200 + i) },
              by: { S: word() },
              note: { S: sentence(4) },
            },
          },
        ],
      },
      body: { S: sentence(40) },
      region: { S: ['eu-west-1', 'us-east-1', 'ap-south-1'][i % 3] },
      version: { N: String(i % 12) },
      updatedBy: { S: word() },
    };
    // Heterogeneous: some attributes only on some items, some with another type.
    if (i % 3 === 0) item.attachment = { B: b64(24) };
    if (i % 5 === 0) item.escalatedTo = { NULL: true };
    else if (i % 5 === 1) item.escalatedTo = { S: word() };
    if (i % 4 !== 3) item.assignee = i % 7 === 0 ? { NULL: true } : { S: word() };
    if (i % 2 === 1)
      item.sla = { M: { hours: { N: String(4 + (i % 20)) }, breached: { BOOL: i % 9 === 0 } } };
    else item.links = { L: [{ S: 'T-' + (i + 1) }, { N: String(i) }] };
    items.push(item);
  }
  (window as unknown as { __benchItems?: unknown[] }).__benchItems = items;
  return JSON.stringify(items.slice(0, 1000)).length / 1000;
}

/**
 * Runs in the page: loads the items; resolves with ms until the frame that paints the first rows
 * (taken when that frame starts), and until every item is loaded and painted.
 */
function loadAndTimeFirstPaint(count: number): Promise<{ first: number; all: number }> {
  const w = window as unknown as {
    __benchItems?: unknown[];
    __dynostageBench: { loadItems(items: unknown[]): number };
  };
  const items = w.__benchItems ?? [];
  delete w.__benchItems;
  const expected = `${count.toLocaleString('en-US')} loaded`;
  performance.mark('bench-load');
  const t0 = w.__dynostageBench.loadItems(items);
  return new Promise((resolve) => {
    let first = 0;
    const check = () => {
      const counts = document.querySelector('[data-testid="grid-counts"]')?.textContent ?? '';
      const row = document.querySelector(
        '[role="grid"] [role="row"][aria-rowindex="2"] [role="gridcell"][data-col="ticketId"]',
      );
      const painted = row?.textContent?.includes('B-000000') ?? false;
      // Rows are in the DOM at the start of this frame, which paints them next (style, layout
      // and paint of the frame follow this callback at once).
      if (painted && first === 0) {
        first = performance.now() - t0;
        performance.mark('bench-painted');
      }
      if (painted && counts.includes(expected)) {
        setTimeout(() => {
          const all = performance.now() - t0;
          performance.mark('bench-all');
          resolve({ first: first || all, all });
        }, 0);
      } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/**
 * Runs in the page: scrolls over `frames` frames, top to bottom (or `stepPx` per frame when
 * given, as a mouse wheel does); returns each frame's duration.
 */
function scrollAndTimeFrames({
  frames,
  stepPx = 0,
}: {
  frames: number;
  stepPx?: number;
}): Promise<{ durations: number[]; rowsAtEnd: string }> {
  const scroller = document.querySelector('.grid-scroll') as HTMLElement;
  const total = scroller.scrollHeight - scroller.clientHeight;
  const step = stepPx > 0 ? stepPx : total / frames;
  const durations: number[] = [];
  return new Promise((resolve) => {
    let last = 0;
    let i = 0;
    const tick = (now: number) => {
      if (last > 0) durations.push(now - last);
      last = now;
      if (i > frames) {
        const lastRow = [...document.querySelectorAll('[role="grid"] [role="row"]')].pop();
        resolve({ durations, rowsAtEnd: lastRow?.getAttribute('aria-rowindex') ?? '' });
        return;
      }
      scroller.scrollTop = Math.min(total, Math.round(++i * step));
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

interface TraceEvent {
  ph: string;
  name: string;
  ts: number;
  dur?: number;
  tdur?: number;
  tid: number;
  args?: { name?: string };
}

/**
 * Main-thread CPU time from a Chromium trace (thread time, so time the OS gave to other
 * processes is left out): per frame between rAF callbacks, and between two performance marks.
 */
async function traced<T>(browser: Browser, page: Page, run: () => Promise<T>) {
  const path = join(tmpdir(), `dynostage-grid-trace-${process.pid}.json`);
  await browser.startTracing(page, {
    path,
    categories: [
      'toplevel',
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'blink.user_timing',
    ],
  });
  const result = await run();
  await browser.stopTracing();
  const raw = JSON.parse(readFileSync(path, 'utf8')) as
    { traceEvents: TraceEvent[] } | TraceEvent[];
  rmSync(path, { force: true });
  const events = Array.isArray(raw) ? raw : raw.traceEvents;
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  )?.tid;
  const tasks = events.filter((e) => e.tid === main && e.ph === 'X' && e.name === 'RunTask');
  // A task's thread time counts in the share of its wall time that falls inside [from, to).
  const cpuBetween = (from: number, to: number) =>
    tasks.reduce((sum, t) => {
      const dur = t.dur ?? 0;
      const overlap = Math.min(to, t.ts + dur) - Math.max(from, t.ts);
      return overlap <= 0 || dur === 0 ? sum : sum + ((t.tdur ?? 0) * overlap) / dur;
    }, 0) / 1000;
  const mark = (name: string) => events.find((e) => e.name === name)?.ts;
  const frames = events
    .filter((e) => e.tid === main && e.name === 'FireAnimationFrame')
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  const perFrame = frames.slice(1).map((ts, i) => cpuBetween(frames[i] as number, ts));
  return { result, cpuBetween, mark, perFrame };
}

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}


async function main(): Promise<void> {
  const host = await startHost();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: Number(process.env.DPR ?? 1) });
    await page.addInitScript('window.__name = (f) => f');
    await page.goto(`${host.url}&bench=1`);
    await page.getByRole('navigation', { name: 'Tables' }).getByRole('button', { name: 'SupportTickets', exact: true }).click();
    await page.waitForFunction(() => (window as { __dynostageBench?: { table: string } }).__dynostageBench?.table === 'SupportTickets');
    await page.evaluate(generateItems, ITEMS);
    await page.evaluate(loadAndTimeFirstPaint, ITEMS);
    await page.waitForTimeout(300);
    if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });
    console.log(await page.evaluate(() => {
      const rows = document.querySelectorAll('.gr');
      const r = rows[3]!;
      const sc = document.querySelector('.grid-scroll') as HTMLElement; return `clientHeight ${sc.clientHeight} clientWidth ${sc.clientWidth} rows ${rows.length}, cells/row ${r.querySelectorAll('.gc').length}, nodes/row ${r.querySelectorAll('*').length}, layers? html ${r.outerHTML.slice(0, 1500)}`;
    }));
    {
      const cdp = await page.context().newCDPSession(page);
      let layers: { layerId: string; drawsContent: boolean; width: number; height: number }[] = [];
      cdp.on('LayerTree.layerTreeDidChange', (e) => { if (e.layers) layers = e.layers as typeof layers; });
      await cdp.send('LayerTree.enable');
      await page.evaluate(() => { const s = document.querySelector('.grid-scroll')!; s.scrollTop += 200; });
      await page.waitForTimeout(500);
      for (const l of layers.filter((x) => x.drawsContent).slice(0, 5).concat(layers.filter((x) => x.drawsContent).slice(-6))) {
        const r = await cdp.send('LayerTree.compositingReasons', { layerId: l.layerId }).catch(() => ({ compositingReasonIds: ['?'] }));
        console.log('LAYER', JSON.stringify({ ...l, transform: undefined }).slice(0, 300), JSON.stringify(r));
      }
      console.log(`LAYERS ${layers.length}, drawing ${layers.filter((l) => l.drawsContent).length}: ` + layers.filter((l) => l.drawsContent).map((l) => `${l.width}x${l.height}`).join(' '));
      await cdp.send('LayerTree.disable');
    }
    if (process.env.AB) {
      const variants = [process.env.CSS_A ?? '', process.env.CSS_B ?? ''];
      const res: Record<string, number[]>[] = [{}, {}];
      await page.evaluate(() => { const st = document.createElement('style'); st.id = 'ab'; document.head.appendChild(st); });
      for (let rep = 0; rep < Number(process.env.AB); rep++) {
        for (const vi of rep % 2 ? [1, 0] : [0, 1]) {
          await page.evaluate((css) => { document.getElementById('ab')!.textContent = css; document.querySelector('.grid-scroll')!.scrollTop = 0; }, variants[vi]!);
          await page.waitForTimeout(200);
          const path = join(tmpdir(), `prof-ab-${process.pid}.json`);
          await browser.startTracing(page, { path, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'blink'] });
          await page.evaluate(scrollAndTimeFrames, { frames: 150, stepPx: Number(process.env.STEP ?? 0) });
          await browser.stopTracing();
          const ev = (JSON.parse(readFileSync(path, 'utf8')).traceEvents as TraceEvent[]);
          const mainT = ev.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')?.tid;
          const sum = (n: string) => ev.filter((e) => e.tid === mainT && e.ph === 'X' && e.name === n).reduce((a, e) => a + (e.tdur ?? 0), 0) / 1000 / 150;
          const r = res[vi]!;
          const add = (k: string, v: number) => { (r[k] ??= []).push(v); };
          add('main', sum('ThreadControllerImpl::RunTask'));
          add('layout', sum('Layout'));
          add('style', sum('UpdateLayoutTree'));
          add('paint', sum('Paint'));
          add('prepaint', sum('PrePaint'));
          add('event', sum('EventDispatch'));
          add('shape', sum('InlineNode::ShapeTextIncludingFirstLine'));
          {
            const names = new Map<number, string>();
            for (const e of ev) if (e.ph === 'M' && e.name === 'thread_name') names.set(e.tid, e.args?.name ?? '');
            const ends = new Map<number, number>();
            let other = 0;
            for (const e of ev.filter((x) => x.ph === 'X' && x.tid !== mainT).sort((a, b) => a.ts - b.ts)) {
              if (e.ts >= (ends.get(e.tid) ?? 0)) { other += e.tdur ?? 0; ends.set(e.tid, e.ts + (e.dur ?? 0)); }
            }
            add('otherThreads', other / 1000 / 150);
          }
        }
      }
      const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!.toFixed(2);
      for (const vi of [0, 1]) console.log(`AB ${vi ? 'B' : 'A'}: ` + Object.entries(res[vi]!).map(([k, v]) => `${k} ${med(v)} [${v.map((x) => x.toFixed(1)).join(' ')}]`).join('  '));
    }
    if (process.env.INPLACE) for (const mv of [false, true, false, true]) {
      const path = join(tmpdir(), `prof-ip-${process.pid}.json`);
      await browser.startTracing(page, { path, categories: ['devtools.timeline'] });
      const wall = await page.evaluate((process_env_MOVE) => { const process = { env_MOVE: process_env_MOVE };
        const cells = [...document.querySelectorAll('.grid-scroll .gc[data-col]')] as HTMLElement[];
        const texts = cells.map((c) => c.firstChild as Text | null);
        const words = ['alpha','bravo','charlie','delta','echo','foxtrot','golf','hotel','india'];
        let seed = 7; const rand = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
        const orig = texts.map((t) => t?.nodeValue ?? '');
        const times: number[] = [];
        for (let it = 0; it < 100; it++) {
          if (process.env_MOVE) { const pins = [...document.querySelectorAll('.gr-pin')] as HTMLElement[]; const strips = [...document.querySelectorAll('.gr-cells')] as HTMLElement[]; const off = (it % 2 ? 1 : -1) * 28 * 1000; pins.forEach((e) => { e.style.top = (parseFloat(e.style.top) + off) + 'px'; }); strips.forEach((e) => { e.style.top = (parseFloat(e.style.top) + off) + 'px'; }); }
          texts.forEach((t, i) => { if (t && t.nodeType === 3) t.nodeValue = orig[i]!.length > 12 ? words[Math.floor(rand()*9)] + orig[i]!.slice(5) : String(Math.floor(rand() * 10 ** orig[i]!.length)); });
          const t0 = performance.now();
          document.body.offsetWidth;
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        return `move ${process.env_MOVE} cells ${cells.length} textnodes ${texts.filter((t) => t && t.nodeType === 3).length} layout wall p10 ${times[10]!.toFixed(2)} p50 ${times[50]!.toFixed(2)}`;
      }, mv);
      await browser.stopTracing();
      const ev = (JSON.parse(readFileSync(path, 'utf8')).traceEvents as TraceEvent[]);
      const lay = ev.filter((e) => e.name === 'Layout' && e.ph === 'X').map((e) => (e.tdur ?? 0) / 1000).sort((a, b) => a - b);
      console.log('INPLACE', wall, 'cpu p10', lay[Math.floor(lay.length * 0.1)]?.toFixed(2), 'p50', lay[lay.length >> 1]?.toFixed(2), 'n', lay.length);
    }
    if (process.env.MUT) {
      const out = await page.evaluate(async (step) => {
        const s = document.querySelector('.grid-scroll') as HTMLElement;
        s.scrollTop = 30000;
        await new Promise((r) => setTimeout(r, 300));
        const counts: Record<string, number> = {};
        const mo = new MutationObserver((ms) => { for (const m of ms) { const k = m.type + ':' + (m.attributeName ?? '') + ':' + (m.target as Element).className?.toString().slice(0, 12); counts[k] = (counts[k] ?? 0) + 1; } });
        mo.observe(s, { subtree: true, childList: true, attributes: true, characterData: true });
        for (let i = 0; i < 50; i++) { s.scrollTop += step; await new Promise((r) => requestAnimationFrame(() => r(null))); }
        await new Promise((r) => setTimeout(r, 50));
        mo.disconnect();
        return Object.entries(counts).sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${k} ${(v / 50).toFixed(1)}`).join('\n');
      }, Number(process.env.MUT));
      console.log('MUT\n' + out);
    }
    if (process.env.JSPROF) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      await page.evaluate(scrollAndTimeFrames, { frames: 300, stepPx: Number(process.env.JSPROF) });
      const { profile } = await cdp.send('Profiler.stop');
      const selfT = new Map<string, number>();
      const dt = profile.timeDeltas ?? [];
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      (profile.samples ?? []).forEach((id, i) => {
        const n = byId.get(id)!;
        const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
        selfT.set(k, (selfT.get(k) ?? 0) + (dt[i] ?? 0));
      });
      // inclusive time: sample counts per node, then sum over subtree, attributed per function name (once per stack)
      const parent = new Map<number, number>();
      for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
      const incl = new Map<string, number>();
      (profile.samples ?? []).forEach((id, i) => {
        const seen = new Set<string>();
        for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
          const n = byId.get(cur)!;
          const k = n.callFrame.functionName || '(anon)';
          if (seen.has(k)) continue;
          seen.add(k);
          incl.set(k, (incl.get(k) ?? 0) + (dt[i] ?? 0));
        }
      });
      for (const k of ['ItemsGrid','GridHeader','HeaderCell','useGridTable','GridRowMemo','dispatchContinuousEvent','flushSyncWork$1','flushSync','performWorkOnRoot','renderRootSync','commitRoot','commitRootImpl','flushMutationEffects','commitMutationEffectsOnFiber','GridBody','GridRow','GridCell','cellText','formatValue','typeOf','useVirtualizer','setTextContent','commitHostUpdate','updateProperties','workLoopSync','completeWork','beginWork','flushLayoutEffects','flushPassiveEffects']) console.log(`INCL ${k.padEnd(30)} ${((incl.get(k) ?? 0) / 1000 / 300).toFixed(3)}`);
      for (const [k, v] of [...selfT].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`PROF ${(v / 1000 / 300).toFixed(3)} ms/frame  ${k}`);
    }
    for (const stepPx of (process.env.STEPS ?? '0,120').split(',').map(Number)) {
      await page.evaluate(() => document.querySelector('.grid-scroll')?.scrollTo({ top: 0 }));
      await page.waitForTimeout(300);
      const path = join(tmpdir(), `prof-${process.pid}.json`);
      await browser.startTracing(page, { path, categories: ['toplevel','devtools.timeline','disabled-by-default-devtools.timeline','blink.user_timing','cc','viz','benchmark','v8','disabled-by-default-v8.gc'].concat((process.env.XCAT ?? '').split(',').filter(Boolean)) });
      const r = await page.evaluate(scrollAndTimeFrames, { frames: 300, stepPx });
      await browser.stopTracing();
      const raw = JSON.parse(readFileSync(path, 'utf8'));
      rmSync(path, { force: true });
      const events: TraceEvent[] = Array.isArray(raw) ? raw : raw.traceEvents;
      const names = new Map<number, string>();
      for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(e.tid, e.args?.name ?? '');
      const main = [...names].find(([, n]) => n === 'CrRendererMain')?.[0];
      const frames = r.durations.length;
      const by = new Map<string, number>();
      const threadCpu = new Map<string, number>();
      const ends = new Map<number, number>();
      for (const e of [...events].filter((x) => x.ph === 'X').sort((a, b) => a.ts - b.ts)) {
        const tn = names.get(e.tid) ?? String(e.tid);
        const end = ends.get(e.tid) ?? 0;
        if (e.ts >= end) { threadCpu.set(tn, (threadCpu.get(tn) ?? 0) + (e.tdur ?? 0)); ends.set(e.tid, e.ts + (e.dur ?? 0)); }
        if (e.tid === main) by.set(e.name, (by.get(e.name) ?? 0) + (e.dur ?? 0));
      }
      // self time per name on the main thread, and parents of Layout/UpdateLayoutTree
      const mainX = events.filter((e) => e.tid === main && e.ph === 'X').sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
      const self = new Map<string, number>();
      const parentOf = new Map<string, number>();
      const stack: TraceEvent[] = [];
      for (const e of mainX) {
        while (stack.length && (stack[stack.length - 1]!.ts + (stack[stack.length - 1]!.dur ?? 0)) <= e.ts) stack.pop();
        const parent = stack[stack.length - 1];
        self.set(e.name, (self.get(e.name) ?? 0) + (e.dur ?? 0));
        if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - (e.dur ?? 0));
        if (e.name === 'Layout' || e.name === 'UpdateLayoutTree' || e.name === 'Paint') {
          const chain = stack.filter((x) => ['FunctionCall','EventDispatch','FireAnimationFrame','ProxyMain::BeginMainFrame','V8.Execute'].includes(x.name)).map((x) => x.name).join('>');
          const k = e.name + ' in ' + chain;
          parentOf.set(k, (parentOf.get(k) ?? 0) + (e.dur ?? 0));
        }
        stack.push(e);
      }
      console.log('COUNTS per frame: Layout', events.filter((e) => e.tid === main && e.name === 'Layout' && e.ph === 'X').length / frames, 'Style', events.filter((e) => e.tid === main && e.name === 'UpdateLayoutTree' && e.ph === 'X').length / frames, 'Paint', events.filter((e) => e.tid === main && e.name === 'Paint' && e.ph === 'X').length / frames, 'EventDispatch', events.filter((e) => e.tid === main && e.name === 'EventDispatch' && e.ph === 'X').length / frames);
      const lays = events.filter((e) => e.tid === main && e.name === 'Layout' && e.ph === 'X').slice(100, 112);
      for (const l of lays) console.log('   LAYOUT', l.dur, l.tdur, (l.args as any)?.beginData?.dirtyObjects);
      const sty = events.filter((e) => e.tid === main && e.name === 'UpdateLayoutTree' && e.ph === 'X').slice(100, 103);
      for (const l of sty) console.log('   STYLE', l.dur, JSON.stringify(l.args).slice(0, 400));
      {
        const comp = [...names].find(([, n]) => n === 'Compositor')?.[0];
        const commits = events.filter((e) => e.tid === main && e.ph === 'X' && e.name === 'ProxyMain::BeginMainFrame::commit');
        const compX = events.filter((e) => e.tid === comp && e.ph === 'X');
        const agg = new Map<string, number>();
        for (const c of commits) {
          for (const e of compX) {
            const ov = Math.min(c.ts + (c.dur ?? 0), e.ts + (e.dur ?? 0)) - Math.max(c.ts, e.ts);
            if (ov > 0) agg.set(e.name, (agg.get(e.name) ?? 0) + ov);
          }
        }
        console.log('  compositor during main commit wait (ms/frame):');
        for (const [n, d] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(`    ${n.padEnd(60)} ${(d / 1000 / frames).toFixed(2)}`);
      }
      {
        const gcs = events.filter((e) => e.tid === main && e.ph === 'X' && /GC|Scavenge|MarkCompact/i.test(e.name));
        const agg = new Map<string, [number, number, number]>();
        for (const e of gcs) { const a = agg.get(e.name) ?? [0, 0, 0]; a[0]++; a[1] += e.dur ?? 0; a[2] = Math.max(a[2], e.dur ?? 0); agg.set(e.name, a); }
        for (const [n, [c, d, m]] of [...agg].sort((a, b) => b[1][1] - a[1][1]).slice(0, 8)) console.log(`  GC ${n.padEnd(40)} n=${c} total=${(d / 1000).toFixed(1)}ms max=${(m / 1000).toFixed(1)}ms`);
      }
      {
        const fr = events.filter((e) => e.tid === main && e.name === 'FireAnimationFrame').map((e) => e.ts).sort((a, b) => a - b);
        const tasks = events.filter((e) => e.tid === main && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask');
        const rows: string[] = [];
        let lateBusy = 0, lateN = 0, okBusy = 0, okN = 0, lateCpu = 0, okCpu = 0;
        for (let i = 1; i < fr.length; i++) {
          const a = fr[i - 1]!, b = fr[i]!;
          let busy = 0, cpu = 0;
          for (const t of tasks) { const ov = Math.min(b, t.ts + (t.dur ?? 0)) - Math.max(a, t.ts); if (ov > 0) { busy += ov; cpu += (t.tdur ?? 0) * ov / (t.dur || 1); } }
          const d = (b - a) / 1000;
          if (d > 20) { lateBusy += busy; lateCpu += cpu; lateN++; if (rows.length < 12) rows.push(`${d.toFixed(1)}ms busy ${(busy / 1000).toFixed(1)} cpu ${(cpu / 1000).toFixed(1)}`); } else { okBusy += busy; okCpu += cpu; okN++; }
        }
        console.log(`  FRAMES late ${lateN}: avg busy ${(lateBusy / 1000 / Math.max(1, lateN)).toFixed(1)} cpu ${(lateCpu / 1000 / Math.max(1, lateN)).toFixed(1)}; ok ${okN}: avg busy ${(okBusy / 1000 / Math.max(1, okN)).toFixed(1)} cpu ${(okCpu / 1000 / Math.max(1, okN)).toFixed(1)}`);
        console.log('  late: ' + rows.join(' | '));
      }
      console.log('  self time per frame:');
      for (const [n, d] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 16)) console.log(`    ${n.padEnd(44)} ${(d / 1000 / frames).toFixed(2)}`);
      for (const [n, d] of [...parentOf].sort((a, b) => b[1] - a[1])) console.log(`    ${n.padEnd(60)} ${(d / 1000 / frames).toFixed(2)}`);
      const g = (n: string) => ((self.get(n) ?? 0) / 1000 / frames).toFixed(2);
      const mainCpu = events.filter((e) => e.tid === main && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask').reduce((s2, e) => s2 + (e.tdur ?? 0), 0) / 1000 / frames;
      console.log(`SUMMARY step=${stepPx} mainCpu=${mainCpu.toFixed(2)} js=${g('FunctionCall')} style=${g('UpdateLayoutTree')} layout=${g('LocalFrameView::performLayout')} prepaint=${g('LocalFrameView::RunPrePaintLifecyclePhase')} paint=${g('Paint')} layerize=${g('Layerize')} commit=${g('ProxyMain::BeginMainFrame::commit')} p50=${percentile(r.durations,50).toFixed(1)} p95=${percentile(r.durations,95).toFixed(1)}`);
      console.log(`stepPx ${stepPx}: ${frames} frames, p50 ${percentile(r.durations,50).toFixed(1)} p95 ${percentile(r.durations,95).toFixed(1)}`);
      const top = [...by].sort((a, b) => b[1] - a[1]).slice(0, 0);
      for (const [n, d] of top) console.log(`  ${n.padEnd(40)} ${(d / 1000 / frames).toFixed(2)} ms/frame`);
      console.log('  thread CPU (RunTask tdur) per frame:');
      for (const [n, d] of [...threadCpu].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`    ${n.padEnd(36)} ${(d / 1000 / frames).toFixed(2)}`);
    }
  } finally {
    await browser.close();
    await host.stop();
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
