import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { startHost } from '../e2e/support/webHost';
const gen = readFileSync('/tmp/gridprof/gen.txt', 'utf8');
const variants: Record<string, string> = {
  base: '',
  noell: '.gc { text-overflow: clip !important; }',
  nobadge: '.gc::before { content: none !important; }',
  badgefont: '.gc::before { font: inherit !important; font-size: 9px !important; }',
  nomono: '.gc { font-family: inherit !important; font-variant-numeric: normal !important; font-size: inherit !important; }',
  all: '.gc { text-overflow: clip !important; font-family: inherit !important; font-variant-numeric: normal !important; font-size: inherit !important; } .gc::before { content: none !important; }',
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
  for (const round of [1, 2, 3]) for (const [name, css] of Object.entries(variants)) {
    await page.evaluate(`(async () => {
      let st = document.getElementById('ab'); if (!st) { st = document.createElement('style'); st.id='ab'; document.head.appendChild(st); }
      st.textContent = ${JSON.stringify(css)};
      const s = document.querySelector('.grid-scroll'); s.scrollTop = 0; await new Promise(r=>setTimeout(r,300)); })()`);
    await browser.startTracing(page, { path: '/tmp/gridprof/ab.json', categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink'] });
    await page.evaluate(`(async () => { const s = document.querySelector('.grid-scroll');
      for (let i=0;i<40;i++){ s.scrollTop = s.scrollTop + 3000; await new Promise(r=>requestAnimationFrame(r)); } })()`);
    await browser.stopTracing();
    const d = JSON.parse(readFileSync('/tmp/gridprof/ab.json', 'utf8'));
    const ev = (d.traceEvents ?? d) as { ph: string; name: string; tdur?: number }[];
    const sum = (n: string) => ev.filter((e) => e.ph === 'X' && e.name === n).reduce((a, e) => a + (e.tdur ?? 0), 0) / 1000 / 40;
    const names = ['RunTask', 'FunctionCall', 'EventDispatch', 'FireAnimationFrame', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'HitTest', 'UpdateLayer', 'CommitLayerTree'];
    console.log(round, name.padEnd(8), names.map((n) => `${n} ${sum(n).toFixed(1)}`).join(' | '));
  }
  await browser.close(); await host.stop();
}
main().catch((e) => { console.error(e); process.exit(1); });
