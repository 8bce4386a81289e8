/**
 * An undo and a redo are saved (just after the frame that shows them): the save dot says
 * "saved" only once they are, and a reload then shows what the screen showed.
 */
import { AppPage } from '../pages/AppPage';
import { StagingPage } from '../pages/StagingPage';
import { expect, test } from '../support/fixtures';

const CSV = ['ticketId,status', 'T-9101,open', 'T-9102,pending', 'T-9103,closed'].join('\n');

test.beforeEach(async ({ request, host, page }) => {
  await StagingPage.clear(request, host);
  const app = new AppPage(page);
  await app.open(host.url);
  await app.openTable('SupportTickets');
});

test('an undo, and an undo then redo, survive a reload once the save dot says saved', async ({
  page,
}) => {
  const s = new StagingPage(page);
  await s.openReview();
  await s.importFileText('more.csv', CSV);
  await expect(s.importDialog.getByRole('button', { name: 'Stage 3 puts' })).toBeVisible();
  await s.stageImport();
  await expect(s.changesButton).toHaveText(/Changes \(3\)/);
  await s.waitSaved();

  await s.undoButton.click();
  await expect(s.changesButton).toHaveText(/Changes \(0\)/);
  await s.waitSaved();
  await page.reload();
  await expect(s.changesButton).toHaveText(/Changes \(0\)/);

  // Staged again, undone and redone in a row: the saves keep their order.
  await new AppPage(page).openTable('SupportTickets');
  await s.openReview();
  await s.importFileText('more.csv', CSV);
  await s.stageImport();
  await expect(s.changesButton).toHaveText(/Changes \(3\)/);
  await s.undoButton.click();
  await expect(s.changesButton).toHaveText(/Changes \(0\)/);
  await s.redoButton.click();
  await expect(s.changesButton).toHaveText(/Changes \(3\)/);
  await s.waitSaved();
  await page.reload();
  await expect(s.changesButton).toHaveText(/Changes \(3\)/);
});
