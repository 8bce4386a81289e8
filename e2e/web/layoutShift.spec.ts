import { AppPage } from '../pages/AppPage';
import { BrowsePage } from '../pages/BrowsePage';
import { expect, test } from '../support/fixtures';

/**
 * The Items tab's layout does not wait for code loaded later: the PartiQL tab's chunk (CodeMirror)
 * arrives after the first paint, and nothing the user already sees moves when it does. It once
 * held the query tab strip's styles: until it came, "Copy as" sat on a line of its own and the
 * grid was 25 px lower, then jumped up under the pointer (a click meant for one row hit another).
 */
test('the grid does not move when the PartiQL code arrives after the first paint', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1200, height: 700 });
  let release = () => {};
  const released = new Promise<void>((r) => (release = r));
  const held = /\/assets\/PartiqlPanel-[^/]+\.(js|css)$/;
  let asked = 0;
  await page.route(held, async (route) => {
    asked++;
    await released;
    await route.continue().catch(() => {});
  });
  const app = new AppPage(page);
  await app.open(host.url);
  await app.openTable('SupportTickets');
  const b = new BrowsePage(page);
  await expect(b.run).toBeEnabled();
  await expect(b.cell(0, 'ticketId')).toBeVisible();
  // The app asks for the chunk once it is idle: held, it has not arrived.
  await expect.poll(() => asked).toBeGreaterThan(0);

  const place = () =>
    page.evaluate(() => {
      const top = (sel: string) => document.querySelector(sel)?.getBoundingClientRect().top ?? -1;
      return {
        grid: top('[role="grid"]'),
        tabs: top('[role="tablist"][aria-label="How to read"]'),
        copyAs: top('.query-tablist .copy-as button'),
      };
    });
  const before = await place();
  // "Copy as" is on the tab strip's line.
  expect(Math.abs(before.copyAs - before.tabs)).toBeLessThan(8);

  release();
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.styleSheets].some((s) => /PartiqlPanel-/.test(s.href ?? '')),
      ),
    )
    .toBe(true);
  // Two frames for the new styles to be laid out.
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
  expect(await place()).toEqual(before);
});
