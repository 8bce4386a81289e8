import type { Locator, Page } from '@playwright/test';

/** Locators of the PartiQL tab and the staged statements, apart from the actions. */
export class PartiqlPage {
  readonly tab: Locator;
  readonly builderTab: Locator;
  readonly panel: Locator;
  readonly editor: Locator;
  readonly parameters: Locator;
  readonly consistentRead: Locator;
  readonly run: Locator;
  readonly loadMore: Locator;
  readonly loadAll: Locator;
  readonly status: Locator;
  readonly error: Locator;
  readonly notice: Locator;
  readonly staged: Locator;
  readonly stagedRows: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByRole('tab', { name: 'PartiQL' });
    this.builderTab = page.getByRole('tab', { name: 'Query builder' });
    this.panel = page.getByRole('region', { name: 'PartiQL' });
    this.editor = this.panel.getByRole('textbox', { name: 'PartiQL statement' });
    this.parameters = this.panel.getByLabel('Parameters');
    this.consistentRead = this.panel.getByLabel('Consistent read');
    this.run = this.panel.getByRole('button', { name: 'Run statement' });
    this.loadMore = this.panel.getByRole('button', { name: 'Load more' });
    this.loadAll = this.panel.getByRole('button', { name: 'Load all' });
    this.status = page.getByTestId('partiql-status');
    this.error = page.getByTestId('partiql-error');
    this.notice = this.panel.locator('.partiql-notice');
    this.staged = page.getByRole('region', { name: 'Staged PartiQL statements' }).first();
    this.stagedRows = this.staged.getByTestId('staged-statement');
  }

  /** Replaces the statement text (CodeMirror: select all, type). */
  async setStatement(text: string): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(text);
  }
}
