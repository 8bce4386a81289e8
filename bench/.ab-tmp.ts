import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { startHost } from '../e2e/support/webHost';
const gen = readFileSync('/tmp/gridprof/gen.txt', 'utf8');
const variants: Record<string, string> = {
  base: '',
  nosticky: '.gc.pinned, .gh.pinned {position: relative !important}',
  nobefore: '.gc[data-t]::before {content: none !important; display:none !important}',
  clip: '.gc {text-overflow: clip !important}',
  font: 'body, .gc, button {font-family: sans-serif !important}',
  nobg: '.gc {background: none !important; background-image:none !important}',
  contain: '.gr { contain: strict; } .gc { contain: layout paint; }',
  all: '.gr { contain: strict; } .gc { contain: strict; }',
};
async function main() {
  const host = await startHost();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${host.url}&bench=1`);
  await page
    .getByRole('navigation', { name: 'Tables' })
    .getByRole('button', { name: 'SupportTickets', exact: true })
    .click();
  await page.waitForFunction(() => (window as any).__dynostageBench?.table === 'SupportTickets');
  await page.evaluate(`(${gen})(${Number(process.env.N ?? 20000)})`);
  await page.evaluate(`window.__dynostageBench.loadItems(window.__benchItems)`);
  await page.waitForTimeout(1500);
  for (const [name, css] of Object.entries(variants)) {
    const t = await page.evaluate(`(async () => {
      let st = document.getElementById('ab'); if (!st) { st = document.createElement('style'); st.id='ab'; document.head.appendChild(st); }
      st.textContent = ${JSON.stringify(css)};
      const s = document.querySelector('.grid-scroll'); s.scrollTop = 0; await new Promise(r=>setTimeout(r,300));
      const d=[]; let last=performance.now();
      for (let i=0;i<40;i++){ s.scrollTop += 3000; await new Promise(r=>requestAnimationFrame(r)); const n=performance.now(); d.push(n-last); last=n;}
      d.sort((a,b)=>a-b); return 'p50 ' + d[20].toFixed(1) + ' p95 ' + d[37].toFixed(1);
    })()`);
    console.log(name.padEnd(10), t);
  }
  await browser.close();
  await host.stop();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
