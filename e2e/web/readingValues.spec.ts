import type { Locator } from '@playwright/test';
import {
  BIG_NUMBER,
  BIG_NUMBER_TICKET,
  supportTickets,
} from '../../server/sandbox/seedData';
import { isoUtc } from '../../shared/values/epoch';
import { seriousFindings } from '../pages/A11yPage';
import { AppPage } from '../pages/AppPage';
import { BrowsePage } from '../pages/BrowsePage';
import { StagingPage } from '../pages/StagingPage';
import type { Item } from '../../shared/dynamo/types';
import { expect, test } from '../support/fixtures';

const tickets = supportTickets();
const tid = (t: Item) => (t.ticketId as { S: string }).S;
const big = tickets.find((t) => tid(t) === BIG_NUMBER_TICKET)!;
// A ticket with a history of two steps or more (a list of maps).
const withHistory = tickets.find(
  (t) => t.history && 'L' in t.history && t.history.L.length >= 2 && tid(t) !== BIG_NUMBER_TICKET,
)!;

test.beforeEach(async ({ request, host }) => {
  await StagingPage.clear(request, host);
});

/** Whether the text of `cell` shows whole: its text box ends inside the cell's box. */
async function textFits(cell: Locator): Promise<boolean> {
  return cell.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const text = range.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    return text.right <= box.right - 4;
  });
}

test('epoch numbers show their date, a column shows as dates, a 38-digit number fits on demand', async ({
  page,
  host,
}) => {
  const b = new BrowsePage(page);
  const app = new AppPage(page);
  await app.open(host.url);
  await page.setViewportSize({ width: 1440, height: 900 });
  await app.openTable('SupportTickets');
  await b.getByKeys('SupportTickets', [BIG_NUMBER_TICKET]);
  const createdAt = big.createdAt as { N: string };
  const created = b.cell(0, 'createdAt');
  await expect(created).toHaveText(createdAt.N);
  const iso = isoUtc(Number(createdAt.N) * 1000);
  await expect(created).toHaveAttribute(
    'title',
    new RegExp(
      `^epoch seconds: ${iso.replace(/[.]/g, '\\.')} · local \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d [+-]\\d\\d:\\d\\d$`,
    ),
  );

  // Show as date (Columns menu), and back.
  await b.columnsButton.click();
  const dateToggle = b.columnsPanel.getByRole('button', { name: 'Show as date: createdAt' });
  await expect(dateToggle).toHaveAttribute('aria-pressed', 'false');
  await dateToggle.click();
  await expect(dateToggle).toHaveAttribute('aria-pressed', 'true');
  await expect(created).toHaveText(iso);
  await expect(b.cell(0, 'ticketId')).toHaveText(BIG_NUMBER_TICKET);

  // The 38-digit number: every digit in the cell and its title; cut by the column until Fit.
  await page.keyboard.press('Escape');
  await b.scrollToColumn('refundAmount');
  await b.columnsButton.click();
  const refund = b.cell(0, 'refundAmount');
  await expect(refund).toHaveText(BIG_NUMBER);
  await expect(refund).toHaveAttribute('title', BIG_NUMBER);
  expect(await textFits(refund)).toBe(false);
  await b.columnsPanel.getByRole('button', { name: 'Fit refundAmount to its values' }).click();
  await expect.poll(() => textFits(refund)).toBe(true);
  await page.keyboard.press('Escape');
  await page.screenshot({ path: 'test-results/reading-values-grid.png' });
  await b.columnsButton.click();
  await b.columnsPanel.getByRole('button', { name: 'Show as date: createdAt' }).click();
  await expect(created).toHaveText(createdAt.N);
});

test('the inspector shows maps and lists as a tree the keyboard opens and closes', async ({
  page,
  host,
}) => {
  const b = new BrowsePage(page);
  const app = new AppPage(page);
  await app.open(host.url);
  await app.openTable('SupportTickets');
  const id = tid(withHistory);
  await b.getByKeys('SupportTickets', [id]);
  await b.cell(0, 'subject').click();
  const tree = page.getByRole('tree', { name: 'Item as a tree' });
  await expect(tree).toBeVisible();
  const history = tree.getByRole('treeitem', { name: /^history/ });
  await expect(history).toHaveAttribute('aria-expanded', 'false');
  const steps = (withHistory.history as { L: unknown[] }).L.length;
  await expect(history).toContainText(`[${steps} items]`);

  // Keyboard: Tab to the tree's one stop, Home, down to history, Right opens, Down to [0].
  await tree.getByRole('treeitem').first().focus();
  await page.keyboard.press('Home');
  await expect(tree.getByRole('treeitem').first()).toBeFocused();
  for (let i = 0; i < 20 && !(await history.evaluate((e) => e === document.activeElement)); i++)
    await page.keyboard.press('ArrowDown');
  await expect(history).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(history).toHaveAttribute('aria-expanded', 'true');
  const first = history.getByRole('treeitem', { name: /^\[0\]/ });
  await expect(history.getByRole('group').getByRole('treeitem')).toHaveCount(steps);
  await page.keyboard.press('ArrowRight'); // into the first child
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowRight'); // opens the map
  await expect(first).toHaveAttribute('aria-expanded', 'true');
  const at = first.getByRole('treeitem', { name: /^at/ });
  await expect(at).toBeVisible();
  const step0 = (withHistory.history as { L: { M: { at: { N: string } } }[] }).L[0]!.M.at.N;
  await expect(at).toContainText(step0);
  await expect(at.locator('.vt-value')).toHaveAttribute('title', /^epoch seconds: /);
  await page.screenshot({ path: 'test-results/reading-values-tree.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/reading-values-tree-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });
  const found = await seriousFindings(page, '.inspector');
  expect(found, JSON.stringify(found, null, 1)).toEqual([]);

  await page.keyboard.press('ArrowLeft'); // closes [0]
  await expect(first).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('ArrowLeft'); // to history
  await expect(history).toBeFocused();
  await page.keyboard.press('ArrowLeft'); // closes history
  await expect(history).toHaveAttribute('aria-expanded', 'false');
  await expect(first).toHaveCount(0);
  // The JSON text stays beside the tree.
  await expect(page.getByTestId('inspector-json')).toContainText(`"${id}"`);
});
