import type { APIRequestContext, Locator, Page } from '@playwright/test';
import type { RunningHost } from '../../test-support/servers/webHost';

/** Locators of the staging UI (review drawer, staging dialogs), apart from the actions tests take. */
export class StagingPage {
  readonly changesButton: Locator;
  readonly saveState: Locator;
  readonly review: Locator;
  readonly reviewItems: Locator;
  readonly undoButton: Locator;
  readonly redoButton: Locator;
  readonly addItemButton: Locator;
  readonly importButton: Locator;
  readonly importDialog: Locator;
  readonly importFile: Locator;
  readonly importErrors: Locator;
  readonly addItemDialog: Locator;
  readonly codeEditor: Locator;
  readonly validation: Locator;
  readonly banner: Locator;
  readonly exportButton: Locator;
  readonly commitButton: Locator;
  readonly kindFilter: (label: RegExp) => Locator;
  readonly plan: Record<'puts' | 'deletes' | 'requests' | 'wcu' | 'bytes', Locator>;

  constructor(readonly page: Page) {
    this.changesButton = page.getByRole('button', { name: /^Changes \(/ });
    this.saveState = page.getByTestId('save-state');
    this.review = page.getByRole('region', { name: 'Review changes' });
    this.reviewItems = this.review.getByRole('article');
    this.undoButton = this.review.getByRole('button', { name: 'Undo', exact: true });
    this.redoButton = this.review.getByRole('button', { name: 'Redo', exact: true });
    this.addItemButton = this.review.getByRole('button', { name: 'Add item…' });
    this.importButton = this.review.getByRole('button', { name: 'Import…' });
    this.importDialog = page.getByRole('dialog', { name: /^Import into/ });
    this.importFile = this.importDialog.getByLabel('Import file');
    this.importErrors = this.importDialog.getByRole('list', { name: 'Import errors' });
    this.addItemDialog = page.getByRole('dialog', { name: /^Add item to/ });
    this.codeEditor = page.locator('.cm-content');
    this.validation = this.review.getByRole('alert', { name: 'Problems that block commit' });
    this.banner = page.locator('.staging-banner');
    this.exportButton = this.review.getByRole('button', { name: 'Download plan', exact: true });
    this.commitButton = this.review.getByRole('button', { name: 'Commit', exact: true });
    this.kindFilter = (label) => this.review.getByRole('button', { name: label });
    this.plan = {
      puts: page.getByTestId('plan-puts'),
      deletes: page.getByTestId('plan-deletes'),
      requests: page.getByTestId('plan-requests'),
      wcu: page.getByTestId('plan-wcu'),
      bytes: page.getByTestId('plan-bytes'),
    };
  }

  /** The review entry of one item, found by its key text ("ticketId=T-1"). */
  item(key: string): Locator {
    return this.reviewItems.filter({ hasText: key });
  }

  /** One attribute row of a review entry. */
  attributeRow(key: string, name: string): Locator {
    return this.item(key).locator(`li.diff-row[data-attr="${name}"]`);
  }

  async openReview(): Promise<void> {
    if (!(await this.review.isVisible())) await this.changesButton.click();
    await this.review.waitFor();
  }

  /** Imports `text` as a file named `name` and stages it (after the preview). */
  async importFileText(name: string, text: string, mimeType = 'text/csv'): Promise<void> {
    await this.importButton.click();
    await this.importFile.setInputFiles({ name, mimeType, buffer: Buffer.from(text) });
  }

  async stageImport(): Promise<void> {
    await this.importDialog.getByRole('button', { name: /^Stage \d[\d,]* puts?$/ }).click();
  }

  /** Replaces the CodeMirror editor's whole text. */
  async setEditorText(text: string): Promise<void> {
    await this.codeEditor.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(text);
  }

  /** Waits until every staged action is on disk (the dot beside "Changes" turns green). */
  async waitSaved(): Promise<void> {
    await this.saveState.and(this.page.locator('[data-state="saved"]')).waitFor();
  }

  /** Un-stages everything through the API, so a test starts from an empty staging area. */
  static async clear(request: APIRequestContext, host: RunningHost): Promise<void> {
    const headers = { Authorization: `Bearer ${host.token}` };
    const res = await request.post(`${host.origin}/api/staging:load`, { data: {}, headers });
    const body = (await res.json()) as {
      value: { entries: { id: string; change: { connectionId: string; table: string } }[] };
    };
    const entries = body.value.entries.map((e) => ({
      id: e.id,
      connectionId: e.change.connectionId,
      table: e.change.table,
    }));
    if (entries.length)
      await request.post(`${host.origin}/api/staging:apply`, { data: { entries }, headers });
  }
}
