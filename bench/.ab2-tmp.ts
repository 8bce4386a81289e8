import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { startHost } from '../e2e/support/webHost';
const gen = readFileSync('/tmp/gridprof/gen.txt', 'utf8');
const variants: Record<string, string> = {
  base: '',
  novars: `.gc { background: #fff !important; border-right: 1px solid #ddd !important; border-bottom: 1px solid #ddd !important; } .gc[data-t]::before { background: #eee !important; color: #666 !important; }`,
  nobefore: '.gc[data-t]::before {content: none !important; display:none !important}',
  nocontain: '.gr, .gc { contain: none !important; }',
  nobadgefont: '.gc[data-t]::before { font: inherit !important; }',
  monofont: '.gc { font-family: monospace !important; }',
};
async function main() {
  const host = await startHost();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${host.url}&bench=1`);
  await page.getByRole('navigation', { name: 'Tables' }).getByRole('button', { name: 'SupportTickets', exact: true }).click();
  await page.waitForFunction(() => (window as any).__dynostageBench?.table === 'SupportTickets');
  await page.evaluate(`(${gen})(${Number(process.env.N ?? 20000)})`);
  await page.evaluate(`window.__dynostageBench.loadItems(window.__benchItems)`);
  await page.waitForTimeout(1500);
  for (const round of [1, 2]) for (const [name, css] of Object.entries(variants)) {
    await page.evaluate(`(async () => {
      let st = document.getElementById('ab'); if (!st) { st = document.createElement('style'); st.id='ab'; document.head.appendChild(st); }
      st.textContent = ${JSON.stringify(css)};
      const s = document.querySelector('.grid-scroll'); s.scrollTop = 0; await new Promise(r=>setTimeout(r,300)); })()`);
    await browser.startTracing(page, { path: '/tmp/gridprof/ab.json', categories: ['devtools.timeline', 'blink'] });
    await page.evaluate(`(async () => { const s = document.querySelector('.grid-scroll');
      for (let i=0;i<40;i++){ s.scrollTop = s.scrollTop + 3000; await new Promise(r=>requestAnimationFrame(r)); } })()`);
    await browser.stopTracing();
    const d = JSON.parse(readFileSync('/tmp/gridprof/ab.json', 'utf8'));
    const ev = (d.traceEvents ?? d) as { ph: string; name: string; tdur?: number }[];
    const sum = (n: string) => ev.filter((e) => e.ph === 'X' && e.name === n).reduce((a, e) => a + (e.tdur ?? 0), 0) / 1000 / 40;
    console.log(round, name.padEnd(12), 'cpu/frame style', sum('UpdateLayoutTree').toFixed(1), 'layout', sum('Layout').toFixed(1), 'paint', sum('Paint').toFixed(1), 'task', sum('RunTask').toFixed(1));
  }
  await browser.close(); await host.stop();
}
main().catch((e) => { console.error(e); process.exit(1); });
