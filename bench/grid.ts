/**
 * Grid benchmark: 100,000 generated items (about 1 KB each, 20 attributes, mixed types, nested
 * values) go into the SupportTickets grid of the real web host in headless Chromium, through the
 * renderer's bench-only hook (`?bench=1`, see renderer/src/features/browse/benchHook.ts).
 * Prints the time from data arrival to the first painted rows, frame times while scrolling from
 * the top to the bottom, and the JS heap after loading. The last line is one JSON object.
 *
 *   npm run bench:grid            (BENCH_ITEMS=20000 for a quicker run)
 */
import { chromium, type Page } from 'playwright-core';
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

/** Runs in the page: loads the items, resolves with ms until the frame with rows was painted. */
function loadAndTimeFirstPaint(count: number): Promise<number> {
  const w = window as unknown as {
    __benchItems?: unknown[];
    __dynostageBench: { loadItems(items: unknown[]): number };
  };
  const items = w.__benchItems ?? [];
  delete w.__benchItems;
  const expected = `${count.toLocaleString('en-US')} loaded`;
  const t0 = w.__dynostageBench.loadItems(items);
  return new Promise((resolve) => {
    const check = () => {
      const counts = document.querySelector('[data-testid="grid-counts"]')?.textContent ?? '';
      const row = document.querySelector(
        '[role="grid"] [role="row"][aria-rowindex="2"] [role="gridcell"][data-col="ticketId"]',
      );
      if (counts.includes(expected) && row?.textContent?.includes('B-000000')) {
        // A task queued from rAF runs after that frame's paint.
        setTimeout(() => resolve(performance.now() - t0), 0);
      } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/** Runs in the page: scrolls top to bottom over `frames` frames; returns each frame's duration. */
function scrollAndTimeFrames(frames: number): Promise<{ durations: number[]; rowsAtEnd: string }> {
  const scroller = document.querySelector('.grid-scroll') as HTMLElement;
  const total = scroller.scrollHeight - scroller.clientHeight;
  const step = total / frames;
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
    const avgBytes = await page.evaluate(generateItems, ITEMS);
    console.log(
      `generated ${ITEMS.toLocaleString('en-US')} items, about ${Math.round(avgBytes)} bytes of JSON each`,
    );
    // The generator's garbage is not the grid's: collect it before the clock starts.
    await heapMB(page);
    const firstPaintMs = await page.evaluate(loadAndTimeFirstPaint, ITEMS);
    console.log(`data arrival to first painted rows: ${firstPaintMs.toFixed(1)} ms`);
    const heap = await heapMB(page);
    console.log(
      `JS heap after loading: ${heap.toFixed(1)} MB (${heapBefore.toFixed(1)} MB before)`,
    );
    await page.waitForTimeout(300);
    const { durations, rowsAtEnd } = await page.evaluate(scrollAndTimeFrames, SCROLL_FRAMES);
    const p50 = percentile(durations, 50);
    const p95 = percentile(durations, 95);
    const max = Math.max(...durations);
    console.log(
      `scrolling top to bottom in ${durations.length} frames: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${max.toFixed(1)} ms (last row shown: aria-rowindex ${rowsAtEnd})`,
    );
    const result = {
      bench: 'grid',
      items: ITEMS,
      firstPaintMs: Math.round(firstPaintMs),
      scrollP50Ms: Number(p50.toFixed(1)),
      scrollP95Ms: Number(p95.toFixed(1)),
      scrollMaxMs: Number(max.toFixed(1)),
      scrollFrames: durations.length,
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
