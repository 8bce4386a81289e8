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
    executablePath: process.env.DYNOSTAGE_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // tsx compiles with keepNames: functions passed to page.evaluate call its __name helper.
    await page.addInitScript('window.__name = (f) => f');
    await page.goto(`${host.url}&bench=1`);
    await page
      .getByRole('navigation', { name: 'Tables' })
      .getByRole('button', { name: 'SupportTickets', exact: true })
      .click();
    await page.waitForFunction(
      () =>
        (window as { __dynostageBench?: { table: string } }).__dynostageBench?.table ===
        'SupportTickets',
    );
    const heapBefore = await heapMB(page);
    const generate = async () => {
      const bytes = await page.evaluate(generateItems, ITEMS);
      // The generator's garbage is not the grid's: collect it before the clock starts.
      await heapMB(page);
      return bytes;
    };
    const avgBytes = await generate();
    console.log(
      `generated ${ITEMS.toLocaleString('en-US')} items, about ${Math.round(avgBytes)} bytes of JSON each`,
    );

    // Wall-clock figures, without tracing (which slows the page down).
    const { first: firstPaintMs, all: allRowsMs } = await page.evaluate(
      loadAndTimeFirstPaint,
      ITEMS,
    );
    console.log(`data arrival to first painted rows: ${firstPaintMs.toFixed(1)} ms`);
    console.log(
      `data arrival to all ${ITEMS.toLocaleString('en-US')} rows loaded and painted: ${allRowsMs.toFixed(1)} ms`,
    );
    const heap = await heapMB(page);
    console.log(
      `JS heap after loading: ${heap.toFixed(1)} MB (${heapBefore.toFixed(1)} MB before)`,
    );
    await page.waitForTimeout(300);
    const { durations, rowsAtEnd } = await page.evaluate(scrollAndTimeFrames, {
      frames: SCROLL_FRAMES,
    });
    const p50 = percentile(durations, 50);
    const p95 = percentile(durations, 95);
    const max = Math.max(...durations);
    const late = durations.filter((d) => d > 17.5).length / durations.length;
    console.log(
      `scrolling top to bottom in ${durations.length} frames: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${max.toFixed(1)} ms, ${(late * 100).toFixed(1)}% of frames over one vsync (last row shown: aria-rowindex ${rowsAtEnd})`,
    );

    await page.evaluate(() => document.querySelector('.grid-scroll')?.scrollTo({ top: 0 }));
    await page.waitForTimeout(300);
    const wheel = await page.evaluate(scrollAndTimeFrames, { frames: 300, stepPx: 120 });
    const wheelP95 = percentile(wheel.durations, 95);
    console.log(
      `scrolling 120 px per frame (a mouse wheel) for 300 frames: p50 ${percentile(wheel.durations, 50).toFixed(1)} ms, p95 ${wheelP95.toFixed(1)} ms`,
    );

    // Main-thread CPU (thread time from a trace): what the work costs whatever else the machine runs.
    await page.evaluate(() => document.querySelector('.grid-scroll')?.scrollTo({ top: 0 }));
    await page.waitForTimeout(300);
    const scroll = await traced(browser, page, () =>
      page.evaluate(scrollAndTimeFrames, { frames: Math.min(SCROLL_FRAMES, 300) }),
    );
    const cpuP50 = percentile(scroll.perFrame, 50);
    const cpuP95 = percentile(scroll.perFrame, 95);
    await page.evaluate(() => document.querySelector('.grid-scroll')?.scrollTo({ top: 0 }));
    await generate();
    const load = await traced(browser, page, () => page.evaluate(loadAndTimeFirstPaint, ITEMS));
    const from = load.mark('bench-load') ?? NaN;
    const firstPaintCpuMs = load.cpuBetween(from, load.mark('bench-painted') ?? NaN);
    const allRowsCpuMs = load.cpuBetween(from, load.mark('bench-all') ?? NaN);
    console.log(
      `main-thread CPU: first rows ${firstPaintCpuMs.toFixed(1)} ms, all rows ${allRowsCpuMs.toFixed(1)} ms; per scrolling frame p50 ${cpuP50.toFixed(1)} ms, p95 ${cpuP95.toFixed(1)} ms (traced run)`,
    );
    const [load1] = loadavg();
    console.log(
      `machine: ${cpus().length} CPUs, load average ${load1?.toFixed(2)} (wall-clock figures suffer when it is above the CPU count)`,
    );
    const result = {
      bench: 'grid',
      items: ITEMS,
      firstPaintMs: Math.round(firstPaintMs),
      firstPaintCpuMs: Math.round(firstPaintCpuMs),
      allRowsMs: Math.round(allRowsMs),
      allRowsCpuMs: Math.round(allRowsCpuMs),
      scrollP50Ms: Number(p50.toFixed(1)),
      scrollP95Ms: Number(p95.toFixed(1)),
      scrollMaxMs: Number(max.toFixed(1)),
      scrollFrames: durations.length,
      scrollLateFramesPct: Number((late * 100).toFixed(1)),
      wheelScrollP95Ms: Number(wheelP95.toFixed(1)),
      scrollCpuP50Ms: Number(cpuP50.toFixed(1)),
      scrollCpuP95Ms: Number(cpuP95.toFixed(1)),
      loadAverage: Number(loadavg()[0]?.toFixed(2)),
      heapMB: Math.round(heap),
      targets: TARGETS,
      pass:
        firstPaintMs <= TARGETS.firstPaintMs && p95 <= TARGETS.scrollP95Ms && heap < TARGETS.heapMB,
    };
    console.log(JSON.stringify(result));
  } finally {
    await browser.close();
    await host.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
