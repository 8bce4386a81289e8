import type { Locator, Page } from '@playwright/test';

/** Locators of the connection picker, its dialogs and banners, apart from the actions tests take. */
export class ConnectionsPage {
  readonly picker: Locator;
  readonly status: Locator;
  readonly addButton: Locator;
  readonly testButton: Locator;
  readonly editButton: Locator;
  readonly removeButton: Locator;
  readonly problem: Locator;
  readonly tableList: Locator;

  readonly dialog: Locator;
  readonly customEndpoint: Locator;
  readonly endpoint: Locator;
  readonly profile: Locator;
  readonly region: Locator;
  readonly name: Locator;
  readonly dialogTest: Locator;
  readonly dialogSave: Locator;
  readonly dialogResult: Locator;

  readonly mfaDialog: Locator;
  readonly mfaCode: Locator;
  readonly mfaContinue: Locator;

  constructor(readonly page: Page) {
    this.picker = page.getByLabel('Connection', { exact: true });
    this.status = page.getByTestId('connection-status');
    this.addButton = page.getByRole('button', { name: 'Add connection…' });
    this.testButton = page.getByRole('button', { name: 'Test', exact: true });
    this.editButton = page.getByRole('button', { name: 'Edit…' });
    this.removeButton = page.getByRole('button', { name: 'Remove', exact: true });
    this.problem = page.getByTestId('connection-problem');
    this.tableList = page.getByRole('navigation', { name: 'Tables' });

    this.dialog = page.getByRole('dialog', { name: /connection$/ });
    this.customEndpoint = this.dialog.getByRole('radio', { name: 'Custom endpoint' });
    this.endpoint = this.dialog.getByLabel('Endpoint URL', { exact: true });
    this.profile = this.dialog.getByLabel('Profile', { exact: true });
    this.region = this.dialog.getByLabel('Region', { exact: true });
    this.name = this.dialog.getByLabel('Name', { exact: true });
    this.dialogTest = this.dialog.getByRole('button', { name: 'Test connection' });
    this.dialogSave = this.dialog.getByRole('button', { name: 'Save' });
    this.dialogResult = this.dialog.locator('.conn-test-result');

    this.mfaDialog = page.getByRole('dialog', { name: 'MFA code required' });
    this.mfaCode = this.mfaDialog.getByLabel('MFA code');
    this.mfaContinue = this.mfaDialog.getByRole('button', { name: 'Continue' });
  }

  /** The picker's option group of a kind: Sandbox, AWS profiles or Endpoints. */
  group(label: string): Locator {
    return this.picker.locator(`optgroup[label="${label}"]`);
  }

  tableButton(name: string): Locator {
    return this.tableList.getByRole('button', { name, exact: true });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
  }

  /** Fills the add dialog for a custom endpoint (the dialog must be open). */
  async fillEndpoint(opts: { endpoint: string; region: string; name: string }): Promise<void> {
    await this.customEndpoint.check();
    await this.endpoint.fill(opts.endpoint);
    await this.region.fill(opts.region);
    await this.name.fill(opts.name);
  }

  /** Selects the picker option whose label starts with `name`. */
  async selectByName(name: string): Promise<void> {
    const value = await this.picker
      .locator('option')
      .filter({ hasText: new RegExp(`^${name} ·`) })
      .getAttribute('value');
    await this.picker.selectOption(value ?? '');
  }
}
