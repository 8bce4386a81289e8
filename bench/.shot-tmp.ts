import { chromium } from 'playwright-core';
import { startHost } from '../e2e/support/webHost';
async function main() {
  const host = await startHost();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('console:', m.text()); });
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Tables' }).getByRole('button', { name: 'SupportTickets', exact: true }).click();
  await page.getByRole('button', { name: /^Run / }).click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: '/tmp/shots/a.png' });
  await page.locator('[role=grid] [role=row][aria-rowindex="3"] [data-col="status"]').click();
  await page.locator('[role=grid] [role=row][aria-rowindex="6"] [data-col="status"]').click({ modifiers: ['Shift'] });
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/shots/b.png' });
  await browser.close(); await host.stop();
}
main().catch((e) => { console.error(e); process.exit(1); });
