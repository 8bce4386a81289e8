import { rm } from 'node:fs/promises';
import { seriousFindings } from '../pages/A11yPage';
import { AppPage } from '../pages/AppPage';
import { BrowsePage } from '../pages/BrowsePage';
import { ConnectionsPage } from '../pages/ConnectionsPage';
import { startFaultProxy, type FaultProxy } from '../support/faultProxy';
import { expect, test as base } from '../support/fixtures';
import { startHost, type RunningHost } from '../support/webHost';

const PROXY_NAME = 'Sandbox via fault proxy';

async function api<T>(host: RunningHost, channel: string, body: unknown): Promise<T> {
  const res = await fetch(`${host.origin}/api/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!json.ok) throw new Error(`${channel}: ${json.error?.message}`);
  return json.value as T;
}

/** A web host of its own with a fault proxy in front of its sandbox, saved as a connection. */
const test = base.extend<object, { world: { host: RunningHost; proxy: FaultProxy } }>({
  world: [
    async ({}, use) => {
      const host = await startHost();
      const { endpoint } = await api<{ endpoint: string }>(host, 'sandbox:status', {});
      const proxy = await startFaultProxy(endpoint, {}, 5);
      await api(host, 'connections:save', {
        kind: 'endpoint',
        name: PROXY_NAME,
        region: 'us-east-1',
        endpoint: proxy.endpoint,
      });
      await use({ host, proxy });
      await proxy.close();
      await host.stop();
      await rm(host.dataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

test('a load that takes long shows a named busy indicator until it ends', async ({
  page,
  world,
}) => {
  const { host, proxy } = world;
  // Every Scan and Query waits until the test lets it through: the load takes as long as the
  // test needs, with no clock involved.
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let held = 0;
  proxy.onRequest = async (operation) => {
    if (operation !== 'Scan' && operation !== 'Query') return;
    held++;
    await gate;
  };
  try {
    await new AppPage(page).open(host.url);
    const conns = new ConnectionsPage(page);
    await expect(conns.picker.locator('option').filter({ hasText: PROXY_NAME })).toHaveCount(1);
    await conns.selectByName(PROXY_NAME);
    const busy = page.getByRole('status').filter({ has: page.locator('progress') });
    const bar = page.getByRole('progressbar', { name: /^Loading SupportTickets…/ });
    await expect(bar).toHaveCount(0);
    await page
      .getByRole('navigation', { name: 'Tables' })
      .getByRole('button', { name: 'SupportTickets', exact: true })
      .click();
    await expect.poll(() => held).toBeGreaterThan(0);
    await expect(bar).toBeVisible();
    await expect(busy).toHaveAttribute('aria-busy', 'true');
    await page.screenshot({ path: 'test-results/busy-loading.png' });
    const found = await seriousFindings(page, '.busy-indicator');
    expect(found, JSON.stringify(found, null, 1)).toEqual([]);
    release();
    const b = new BrowsePage(page);
    await expect(b.cell(0, 'ticketId')).toBeVisible();
    await expect(bar).toHaveCount(0);
    await expect(page.locator('.busy-indicator')).toHaveAttribute('aria-busy', 'false');
  } finally {
    release();
    proxy.onRequest = null;
  }
});
