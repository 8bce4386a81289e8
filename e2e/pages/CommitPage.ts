import type { Locator, Page } from '@playwright/test';

export interface CommitOptionValues {
  driftCheck?: boolean;
  readBack?: boolean;
  concurrency?: number;
  maxRounds?: number;
}

/** Locators of the commit UI (review footer, conflicts, report, interrupted dialog), then actions. */
export class CommitPage {
  readonly changesButton: Locator;
  readonly review: Locator;
  readonly reviewItems: Locator;
  readonly changeErrors: Locator;
  readonly commitButton: Locator;
  readonly bar: Locator;
  readonly options: Locator;
  readonly driftCheck: Locator;
  readonly readBack: Locator;
  readonly concurrency: Locator;
  readonly maxRounds: Locator;
  readonly progress: Locator;
  readonly progressBar: Locator;
  readonly cancelButton: Locator;
  readonly report: Locator;
  readonly headline: Locator;
  readonly retryFailed: Locator;
  readonly conflicts: Locator;
  readonly conflictItems: Locator;
  readonly applyChoices: Locator;
  readonly commitError: Locator;
  readonly interruptedDialog: Locator;
  readonly interruptedSummary: Locator;
  readonly resumeButton: Locator;
  readonly discardButton: Locator;

  constructor(readonly page: Page) {
    this.changesButton = page.getByRole('button', { name: /^Changes \(/ });
    this.review = page.getByRole('region', { name: 'Review changes' });
    this.reviewItems = this.review.getByRole('article');
    this.changeErrors = this.review.getByTestId('change-error');
    this.commitButton = this.review.getByRole('button', { name: 'Commit', exact: true });
    this.bar = this.review.getByTestId('commit-bar-slot');
    this.options = this.review.locator('details.commit-options');
    this.driftCheck = this.options.getByLabel('Check for drift first');
    this.readBack = this.options.getByLabel('Read back after commit');
    this.concurrency = this.options.getByLabel('Concurrency');
    this.maxRounds = this.options.getByLabel('Max rounds');
    this.progress = this.review.getByRole('region', { name: 'Commit progress' });
    this.progressBar = this.progress.getByRole('progressbar');
    this.cancelButton = this.progress.getByRole('button', { name: 'Cancel' });
    this.report = this.review.getByRole('region', { name: 'Commit report' });
    this.headline = this.report.getByTestId('commit-headline');
    this.retryFailed = this.report.getByRole('button', { name: 'Retry failed' });
    this.conflicts = this.review.getByRole('region', { name: 'Conflicts' });
    this.conflictItems = this.conflicts.getByRole('article');
    this.applyChoices = this.conflicts.getByRole('button', { name: 'Apply choices and commit' });
    this.commitError = this.review.locator('.commit-panel .commit-error[role="alert"]');
    this.interruptedDialog = page.getByRole('dialog', { name: 'Interrupted commit' });
    this.interruptedSummary = this.interruptedDialog.getByTestId('interrupted-summary');
    this.resumeButton = this.interruptedDialog.getByRole('button', { name: 'Resume' });
    this.discardButton = this.interruptedDialog.getByRole('button', { name: 'Discard' });
  }

  /** A live figure of the running commit: done, failed, retrying, requests, rounds, capacity, rate. */
  liveFigure(id: string): Locator {
    return this.progress.getByTestId(`progress-${id}`);
  }

  /** A counter of the report: written, failed, canceled, skipped, resent, requests, rounds, … */
  reportFigure(id: string): Locator {
    return this.report.getByTestId(`report-${id}`);
  }

  /** The report's list of one outcome group ("Failed", "Resent (…)", …). */
  reportList(title: RegExp): Locator {
    return this.report.locator('details.outcome-list').filter({ hasText: title });
  }

  conflict(key: string): Locator {
    return this.conflictItems.filter({ hasText: key });
  }

  choice(key: string, label: 'Overwrite' | 'Skip' | 'Reload item'): Locator {
    return this.conflict(key).getByRole('radio', { name: label });
  }

  /** A report counter as a number. */
  async reportNumber(id: string): Promise<number> {
    return Number((await this.reportFigure(id).innerText()).replace(/,/g, ''));
  }

  /** A live figure as a number (0 while it is not shown yet). */
  async liveNumber(id: string): Promise<number> {
    const f = this.liveFigure(id);
    if ((await f.count()) === 0) return 0;
    return Number(((await f.textContent()) ?? '0').replace(/,/g, ''));
  }

  /** Opens the review drawer with its shortcut unless it is open. */
  async openReview(): Promise<void> {
    await this.changesButton.waitFor();
    if (!(await this.review.isVisible())) await this.page.keyboard.press('ControlOrMeta+Shift+D');
    await this.review.waitFor();
  }

  async setOptions(o: CommitOptionValues): Promise<void> {
    if (!(await this.options.evaluate((d) => (d as HTMLDetailsElement).open))) {
      await this.options.locator('summary').click();
    }
    if (o.driftCheck !== undefined) await this.driftCheck.setChecked(o.driftCheck);
    if (o.readBack !== undefined) await this.readBack.setChecked(o.readBack);
    if (o.concurrency !== undefined) await this.concurrency.fill(String(o.concurrency));
    if (o.maxRounds !== undefined) await this.maxRounds.fill(String(o.maxRounds));
  }
}
