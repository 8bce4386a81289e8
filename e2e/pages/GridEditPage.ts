import { expect, type Locator, type Page } from '@playwright/test';
import { BrowsePage } from './BrowsePage';

/** Staging from the grid: the cell editor popover, the Edit rows menu, the notice line. */
export class GridEditPage {
  readonly b: BrowsePage;
  readonly editRows: Locator;
  readonly rowsMenu: Locator;
  readonly notice: Locator;
  readonly addItem: Locator;
  readonly importButton: Locator;

  constructor(readonly page: Page) {
    this.b = new BrowsePage(page);
    const group = page.getByRole('group', { name: 'Stage changes' });
    this.editRows = group.getByRole('button', { name: 'Edit rows ▾' });
    this.addItem = group.getByRole('button', { name: 'Add item…' });
    this.importButton = group.getByRole('button', { name: 'Import…' });
    this.rowsMenu = page.getByRole('menu', { name: 'Edit rows' });
    this.notice = page
      .getByRole('status', { name: 'Staging notice' })
      .getByTestId('toast-message')
      .last();
  }

  /** The floating cell editor of an attribute. */
  editor(attribute: string): Locator {
    return this.page.getByRole('dialog', { name: `Edit ${attribute}` });
  }

  /** Double-clicks a cell (scrolling to its column first) and returns its editor. */
  async openCell(row: number, column: string): Promise<Locator> {
    if ((await this.b.header(column).count()) === 0) {
      await this.b.grid.evaluate((el) => (el.scrollLeft = 0));
      await this.b.scrollToColumn(column);
    }
    await this.b.cell(row, column).dblclick();
    const editor = this.editor(column);
    await expect(editor).toBeVisible();
    return editor;
  }

  async save(editor: Locator): Promise<void> {
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect(editor).toBeHidden();
  }

  /** Replaces the text of the editor's CodeMirror view. */
  async setCode(editor: Locator, text: string): Promise<void> {
    await editor.getByRole('radio', { name: 'DynamoDB JSON' }).click();
    const content = editor.locator('.cm-content');
    await content.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(text);
  }

  async menuAction(name: RegExp | string): Promise<void> {
    await this.editRows.click();
    await this.rowsMenu.getByRole('menuitem', { name }).click();
  }

  /** Pastes text into the focused grid as Ctrl/Cmd+V does (a paste event with the text). */
  async pasteIntoGrid(text: string): Promise<void> {
    await this.b.grid.evaluate((el, t) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', t);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
    }, text);
  }
}
