import { BrowsePage } from '../pages/BrowsePage';
import { KeyboardPage } from '../pages/KeyboardPage';
import { StagingPage } from '../pages/StagingPage';
import { supportTickets } from '../../server/sandbox/seedData';
import { expect, test as base } from '../support/fixtures';
import { startHost, type RunningHost } from '../../test-support/servers/webHost';

const resolved = supportTickets().filter((t) => 'S' in t.status! && t.status.S === 'resolved');
const fmt = (n: number) => n.toLocaleString('en-US');

// The archive job commits: this file has a sandbox of its own, so other specs keep their data.
const test = base.extend<object, { own: RunningHost }>({
  own: [
    async ({}, use) => {
      const host = await startHost();
      await use(host);
      await host.stop();
    },
    { scope: 'worker' },
  ],
});

test('focus: dialogs start on their first field and give focus back; Ctrl+Enter confirms; the review takes focus and Escape closes it', async ({
  page,
  own,
}) => {
  const k = new KeyboardPage(page);
  const b = new BrowsePage(page);
  const s = new StagingPage(page);
  await StagingPage.clear(page.request, own);
  await page.goto(own.url);
  await expect(page.getByRole('button', { name: 'SupportTickets' })).toBeVisible();
  await page.getByLabel('Filter tables').fill('SupportT');
  await page.getByLabel('Filter tables').press('Enter');
  await expect(b.grid).toBeVisible();
  await b.getByKeys('SupportTickets', ['T-00001', 'T-00002']);
  await b.cell(0, 'ticketId').click();

  // Delete key: the dialog's confirming button has focus (no field), Enter stages, focus returns.
  await b.grid.press('Delete');
  const del = page.getByRole('dialog', { name: 'Delete 1 item' });
  await expect(del.getByRole('button', { name: 'Stage delete' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(del).toBeHidden();
  await expect(b.grid).toBeFocused();

  // Add item: focus in the key field; Ctrl+Enter is Next, then Stage.
  await k.command('add item');
  const add = s.addItemDialog;
  await expect(add.getByLabel('ticketId')).toBeFocused();
  await page.keyboard.type('T-05555');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(add.getByRole('radio', { name: /plain/i })).toBeFocused();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(add).toBeHidden();
  await expect(b.grid).toBeFocused();

  // One tab stop per radio group; arrows choose. Typed once the dialog has its field focused, as
  // above: a key pressed the moment the palette closes can come before the dialog is there.
  await k.command('add item');
  await expect(add.getByLabel('ticketId')).toBeFocused();
  await page.keyboard.type('T-05556');
  await page.keyboard.press('Enter');
  const plain = add.getByRole('radio', { name: /plain/i });
  await expect(plain).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(add.getByRole('radio', { name: /DynamoDB JSON/ })).toBeFocused();
  await expect(add.getByRole('radio', { name: /DynamoDB JSON/ })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await expect(plain).toHaveAttribute('tabindex', '-1');
  await page.keyboard.press('Escape');
  await expect(add).toBeHidden();

  // Ctrl+Shift+D moves focus into the review, Escape closes it and focus comes back.
  await b.grid.focus();
  await page.keyboard.press('ControlOrMeta+Shift+d');
  await expect(s.review).toBeVisible();
  expect(await page.evaluate(() => !!document.activeElement?.closest('.review-drawer'))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(s.review).toBeHidden();
  await expect(b.grid).toBeFocused();
});

test('the archive job by keyboard only: query, Load all, select all, Move, review, Commit', async ({
  page,
  own,
}) => {
  test.setTimeout(240_000);
  const k = new KeyboardPage(page);
  const b = new BrowsePage(page);
  await StagingPage.clear(page.request, own);
  await page.goto(own.url);
  await k.countPointerEvents();
  await k.command('open table SupportTickets');
  await expect(b.grid).toBeVisible();

  // The query: Read from byStatus, Query, partition value "resolved", Load all.
  await k.command('edit the query');
  await expect(b.readFrom).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(b.readFrom).toHaveValue('byStatus');
  await page.keyboard.press('Tab');
  await expect(b.operation('Scan')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(b.operation('Query')).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Tab');
  await expect(b.partitionValue).toBeFocused();
  await page.keyboard.type('resolved');
  await k.command('load all');
  await expect(b.loadStatus).toContainText('All pages read');
  await expect(b.counts).toContainText(`${fmt(resolved.length)} loaded`);

  // Select all in the grid, then Move from the palette.
  await k.command('go to the grid');
  await expect(b.grid).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await expect(b.counts).toContainText(`${fmt(resolved.length)} selected`);
  await k.command('move selected');
  const move = page.getByRole('dialog', {
    name: `Move ${fmt(resolved.length)} items from SupportTickets`,
  });
  await expect(move.getByRole('radio', { name: /^Move/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(move.getByLabel('Target table')).toBeFocused();
  // The tables are listed when the dialog opens: type once they are there, as a person would.
  await expect(move.getByLabel('Target table').locator('option', { hasText: 'TicketArchive' })).toBeAttached();
  await page.keyboard.type('TicketArchive');
  await expect(move.getByLabel('Target table')).toHaveValue('TicketArchive');
  await expect(move.getByRole('status')).toContainText(`Moves ${fmt(resolved.length)} items`);
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(move).toBeHidden();

  // Review and commit.
  await page.keyboard.press('ControlOrMeta+Shift+d');
  const s = new StagingPage(page);
  await expect(s.review).toBeVisible();
  await expect(s.plan.puts).toHaveText(fmt(resolved.length));
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(s.review.getByText('Commit finished: everything written.')).toBeVisible({
    timeout: 180_000,
  });
  await expect(s.changesButton).toHaveText('Changes (0)');
  expect(await k.pointerEvents()).toBe(0);
});
