import { expect, type Locator, type Page } from '@playwright/test';

/** Locators of the Items tab (query bar, grid, inspector, dialogs), apart from the actions. */
export class BrowsePage {
  readonly itemsTab: Locator;
  readonly infoTab: Locator;
  readonly builder: Locator;
  readonly readFrom: Locator;
  readonly requestKind: Locator;
  readonly partitionValue: Locator;
  readonly sortCondition: Locator;
  readonly sortValue: Locator;
  readonly sortUpperValue: Locator;
  readonly descending: Locator;
  readonly addFilter: Locator;
  readonly combineFilters: Locator;
  readonly attributes: Locator;
  readonly consistentRead: Locator;
  readonly pageSize: Locator;
  readonly segments: Locator;
  readonly requestPreview: Locator;
  readonly run: Locator;
  readonly loadMore: Locator;
  readonly loadAll: Locator;
  readonly cancel: Locator;
  readonly loadStatus: Locator;
  readonly serviceError: Locator;
  readonly quickFilter: Locator;
  readonly columnsButton: Locator;
  readonly columnsPanel: Locator;
  readonly getByKeyButton: Locator;
  readonly exportButton: Locator;
  readonly grid: Locator;
  readonly counts: Locator;
  readonly gridNotice: Locator;
  readonly inspector: Locator;
  readonly inspectorJson: Locator;
  readonly keysDialog: Locator;
  readonly exportDialog: Locator;
  readonly cellMenu: Locator;

  constructor(readonly page: Page) {
    this.itemsTab = page.getByRole('tab', { name: 'Items' });
    this.infoTab = page.getByRole('tab', { name: 'Table info' });
    this.builder = page.getByRole('region', { name: 'Query builder' });
    this.readFrom = this.builder.getByLabel('Read from');
    this.requestKind = page.getByTestId('request-kind');
    this.partitionValue = this.builder.getByLabel('Partition key value');
    this.sortCondition = this.builder.getByLabel('Sort key condition');
    this.sortValue = this.builder.getByLabel('Sort key value', { exact: true });
    this.sortUpperValue = this.builder.getByLabel('Sort key upper value');
    this.descending = this.builder.getByLabel('Descending');
    this.addFilter = this.builder.getByRole('button', { name: '+ Add filter' });
    this.combineFilters = this.builder.getByLabel('Combine filters with');
    this.attributes = this.builder.getByLabel('Attributes to return');
    this.consistentRead = this.builder.getByLabel('Consistent read');
    this.pageSize = this.builder.getByLabel('Page size');
    this.segments = this.builder.getByLabel('Parallel segments');
    this.requestPreview = this.builder.locator('.request-preview');
    this.run = this.builder.getByRole('button', { name: /^Run (Query|Scan)$/ });
    this.loadMore = this.builder.getByRole('button', { name: 'Load more' });
    this.loadAll = this.builder.getByRole('button', { name: 'Load all' });
    this.cancel = this.builder.getByRole('button', { name: 'Cancel' });
    this.loadStatus = page.getByTestId('load-status');
    this.serviceError = page.locator('.browse-error');
    this.quickFilter = page.getByLabel('Filter loaded rows');
    this.columnsButton = page.getByRole('button', { name: /^Columns/ });
    this.columnsPanel = page.getByRole('dialog', { name: 'Columns' });
    this.getByKeyButton = page.getByRole('button', { name: 'Get by key…' });
    this.exportButton = page.getByRole('button', { name: 'Export…' });
    this.grid = page.getByRole('grid', { name: /^Items of / });
    this.counts = page.getByTestId('grid-counts');
    this.gridNotice = page.locator('.grid-notice');
    this.inspector = page.getByRole('complementary', { name: 'Inspector' });
    this.inspectorJson = page.getByTestId('inspector-json');
    this.keysDialog = page.getByRole('dialog', { name: 'Get items by key' });
    this.exportDialog = page.getByRole('dialog', { name: 'Export rows' });
    this.cellMenu = page.getByRole('menu', { name: 'Cell actions' });
  }

  operation(name: 'Query' | 'Scan'): Locator {
    return this.builder.getByRole('radio', { name, exact: true });
  }

  /** The n-th (1-based) filter's field: 'attribute', 'operator', 'value', 'value type', 'upper value'. */
  filterField(n: number, field: string): Locator {
    return this.builder.getByLabel(`Filter ${n} ${field}`, { exact: true });
  }

  /** A body row by display index (0-based, after sort and filter); only rendered rows exist. */
  row(index: number): Locator {
    return this.grid.locator(`[role="row"][aria-rowindex="${index + 2}"]`);
  }

  cell(index: number, column: string): Locator {
    return this.row(index).locator(`[role="gridcell"][data-col="${column}"]`);
  }

  /** Every rendered body cell of a column, top to bottom. */
  columnCells(column: string): Locator {
    return this.grid.locator(
      `[role="row"][aria-rowindex]:not([aria-rowindex="1"]) [data-col="${column}"]`,
    );
  }

  header(column: string): Locator {
    return this.grid.locator(`[role="columnheader"][data-col="${column}"]`);
  }

  rowCheckbox(index: number): Locator {
    return this.row(index).getByRole('checkbox', { name: 'Select row' });
  }

  /** Ticks the header checkbox: every shown row selected. */
  async selectAllRows(): Promise<void> {
    await this.grid.getByRole('checkbox', { name: 'Select all rows' }).check();
  }

  /** Loads items of `table` through Get by key (one key per line, in that order), then closes it. */
  async getByKeys(table: string, keys: string[]): Promise<void> {
    // The dialog loads on demand; a click while the toolbar re-renders under the table's first
    // page can land on the button it replaces: click again until the dialog is there.
    await expect(async () => {
      if (!(await this.keysDialog.isVisible())) await this.getByKeyButton.click();
      await expect(this.keysDialog).toBeVisible({ timeout: 5_000 });
    }).toPass();
    await this.keysDialog.getByLabel(`Keys for ${table}`).fill(keys.join('\n'));
    await this.keysDialog
      .getByRole('button', { name: `Get ${keys.length} ${keys.length === 1 ? 'item' : 'items'}` })
      .click();
    await expect(
      this.keysDialog.getByRole('region', { name: `Results for ${table}` }),
    ).toContainText(`${keys.length} found`);
    await this.keysDialog.getByRole('button', { name: 'Close' }).first().click();
  }

  /** Scrolls the grid sideways until a (virtualised) column is rendered right after the pinned key columns. */
  async scrollToColumn(column: string): Promise<void> {
    for (let i = 0; i < 40 && (await this.header(column).count()) === 0; i++) {
      await this.grid.evaluate((el) => el.scrollBy({ left: 300 }));
      await this.page.waitForTimeout(50);
    }
    await this.header(column).evaluate((h) => {
      const grid = h.closest('[role="grid"]') as HTMLElement;
      const pinned = [
        ...grid.querySelectorAll('[role="columnheader"].pinned'),
      ].pop() as HTMLElement;
      grid.scrollLeft += h.getBoundingClientRect().left - pinned.getBoundingClientRect().right;
    });
    await this.page.waitForTimeout(50);
  }

  /**
   * Drags one header's label onto another header: the drag events the browser sends (dragstart,
   * dragenter, dragover, drop, dragend) with one DataTransfer, dispatched on the elements. Playwright's
   * pointer drag lost its drop now and then on a busy machine (the target highlighted, no drop), and
   * the pointer stayed in a drag that swallowed the next mouse gesture; the app's own handlers are
   * what this tests.
   */
  async dragHeader(from: string, to: string): Promise<void> {
    const data = await this.page.evaluateHandle(() => new DataTransfer());
    const source = this.header(from).locator('.gh-label');
    const target = this.header(to);
    await source.dispatchEvent('dragstart', { dataTransfer: data });
    await target.dispatchEvent('dragenter', { dataTransfer: data });
    await target.dispatchEvent('dragover', { dataTransfer: data });
    await target.dispatchEvent('drop', { dataTransfer: data });
    await source.dispatchEvent('dragend', { dataTransfer: data });
    await data.dispose();
  }

  /** Texts of the rendered cells of a column, in display order. */
  async columnTexts(column: string): Promise<string[]> {
    const rows = await this.grid.locator('[role="row"][aria-rowindex]').evaluateAll(
      (els, col) =>
        els
          .map((el) => ({
            index: Number(el.getAttribute('aria-rowindex')),
            text: el.querySelector(`[data-col="${col}"]`)?.textContent ?? null,
          }))
          .filter((r) => r.index > 1 && r.text !== null)
          .sort((a, b) => a.index - b.index)
          .map((r) => r.text as string),
      column,
    );
    return rows;
  }
}
