import type { Locator, Page } from '@playwright/test';

/** Locators of the app shell, apart from the actions tests take. */
export class AppPage {
  readonly connection: Locator;
  readonly tableFilter: Locator;
  readonly tableList: Locator;
  readonly keySchema: Locator;
  readonly indexes: Locator;

  constructor(readonly page: Page) {
    this.connection = page.getByLabel('Connection');
    this.tableFilter = page.getByLabel('Filter tables');
    this.tableList = page.getByRole('navigation', { name: 'Tables' });
    this.keySchema = page.getByTestId('key-schema');
    this.indexes = page.getByRole('table', { name: 'Indexes' });
  }

  tableButton(name: string): Locator {
    return this.tableList.getByRole('button', { name, exact: true });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
  }

  async openTable(name: string): Promise<void> {
    await this.tableButton(name).click();
  }
}
