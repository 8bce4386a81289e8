import type { Locator, Page } from '@playwright/test';

/** Locators for what bulk dialogs say they act on, the selection notes, the review's move cards. */
export class UxPage {
  readonly selectAll: Locator;
  readonly selectionNote: Locator;

  constructor(readonly page: Page) {
    this.selectAll = page.getByRole('checkbox', { name: 'Select all rows' });
    this.selectionNote = page.getByTestId('selection-note');
  }

  /** The "N items to …" line of a bulk dialog. */
  actsOn(dialog: Locator): Locator {
    return dialog.getByTestId('scope-acts');
  }

  /** The "N items of the selection left out" block of a bulk dialog. */
  leftOut(dialog: Locator): Locator {
    return dialog.getByTestId('scope-left-out');
  }

  /** Review cards of moves from one table to another. */
  moveCards(review: Locator, from: string, to: string): Locator {
    return review.getByRole('article', { name: new RegExp(`^move ${from} → ${to} `) });
  }
}
