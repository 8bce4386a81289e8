import { chromium } from 'playwright-core';
import { readFileSync, readdirSync } from 'node:fs';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { startHost } from '../e2e/support/webHost';

const gen = readFileSync('/tmp/gridprof/gen.txt', 'utf8');
const ITEMS = Number(process.env.N ?? 20000);
async function main() {
  const host = await startHost();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('console', (m) => console.log('console:', m.text()));
  await page.goto(`${host.url}&bench=1`);
  await page
    .getByRole('navigation', { name: 'Tables' })
    .getByRole('button', { name: 'SupportTickets', exact: true })
    .click();
  await page.waitForFunction(() => (window as any).__dynostageBench?.table === 'SupportTickets');
  await page.evaluate(`(${gen})(${ITEMS})`);
  { const c = await page.context().newCDPSession(page); await c.send('HeapProfiler.collectGarbage'); }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const mode = process.env.MODE ?? 'load';
  if (mode === 'load') {
    await browser.startTracing(page, {
      path: '/tmp/gridprof/trace.json',
      categories: ['devtools.timeline', 'blink', 'v8', 'disabled-by-default-devtools.timeline'],
    });
    const t = await page.evaluate(
      `(() => { const w = window; const items = w.__benchItems; const t0 = performance.now(); w.__dynostageBench.loadItems(items); return new Promise(r => requestAnimationFrame(() => setTimeout(() => r(performance.now() - t0)))); })()`,
    );
    console.log('load', t);
  } else {
    await page.evaluate(`window.__dynostageBench.loadItems(window.__benchItems)`);
    await page.waitForTimeout(2000);
    await cdp.send('Profiler.stop');
    await cdp.send('Profiler.start');
    await browser.startTracing(page, {
      path: '/tmp/gridprof/trace.json',
      categories: ['devtools.timeline', 'blink', 'disabled-by-default-devtools.timeline'],
    });
    const t = await page.evaluate(
      `(async () => { const s = document.querySelector('.grid-scroll'); const d=[]; let last=performance.now(); for (let i=0;i<60;i++){ s.scrollTop = 3000 * (i + 1); await new Promise(r=>requestAnimationFrame(r)); const n=performance.now(); d.push(n-last); last=n;} return d.join(','); })()`,
    );
    console.log('frames', t);
  }
  const { profile } = await cdp.send('Profiler.stop');
  const dir = 'out/renderer/assets';
  const js = readdirSync(dir).find((f) => f.endsWith('.js.map'));
  const map = js ? new TraceMap(readFileSync(`${dir}/${js}`, 'utf8')) : null;
  const self = new Map<number, number>();
  const dt = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0)));
  const agg = new Map<string, number>();
  for (const node of profile.nodes) {
    const t = self.get(node.id) ?? 0;
    const cf = node.callFrame;
    let name = `${cf.functionName || '(anon)'} ${cf.url.split('/').pop()}:${cf.lineNumber}`;
    if (map && cf.url.endsWith('.js') && cf.lineNumber >= 0) {
      const pos = originalPositionFor(map, { line: cf.lineNumber + 1, column: cf.columnNumber });
      if (pos.source)
        name = `${pos.name ?? cf.functionName} ${pos.source.split('node_modules/').pop()}:${pos.line}`;
    }
    agg.set(name, (agg.get(name) ?? 0) + t);
  }
  const top = [...agg.entries()].sort((a, b) => b[1] - a[1]).slice(0, 35);
  for (const [n, t] of top) console.log((t / 1000).toFixed(1).padStart(8), 'ms', n);
  await browser.close();
  await host.stop();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
