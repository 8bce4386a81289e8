import { chromium } from 'playwright-core';
import { startHost } from '../e2e/support/webHost';
async function main() {
  const host = await startHost();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Tables' }).getByRole('button', { name: 'SupportTickets', exact: true }).click();
  await page.getByRole('button', { name: /^Run / }).click();
  await page.waitForTimeout(1000);
  for (let i = 0; i < 10 && (await page.locator('[role=columnheader][data-col=history]').count()) === 0; i++) await page.evaluate(() => (document.querySelector('.grid-scroll') as HTMLElement).scrollBy({ left: 300 }));
  await page.locator('[role=row][aria-rowindex="3"] [data-col="history"] [data-open]').click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/shots/dbg.png' });
  for (const left of [-1]) {
    const info = await page.evaluate(async (l) => {
      const g = document.querySelector('.grid-scroll') as HTMLElement;
      if (l >= 0) g.scrollLeft = l;
      await new Promise((r) => setTimeout(r, 200));
      const row = document.querySelector('[role=row][aria-rowindex="1"]') as HTMLElement;
      const gl = g.getBoundingClientRect().left;
      const kids = [...row.children].map((c) => `${(c as HTMLElement).dataset.col ?? c.className}@${Math.round(c.getBoundingClientRect().left - gl)}w${Math.round(c.getBoundingClientRect().width)}`);
      return `scrollLeft=${g.scrollLeft} clientWidth=${g.clientWidth} ` + kids.join(' ');
    }, left);
    console.log(info);
  }
  await browser.close(); await host.stop();
}
main().catch((e) => { console.error(e); process.exit(1); });
