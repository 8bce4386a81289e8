import { expect, type Locator, type Page } from '@playwright/test';

/** The command palette and focus checks, for specs that drive the app by keyboard alone. */
export class KeyboardPage {
  readonly palette: Locator;
  readonly paletteInput: Locator;

  constructor(readonly page: Page) {
    this.palette = page.getByRole('dialog', { name: 'Commands' });
    this.paletteInput = this.palette.getByRole('combobox', { name: 'Search commands' });
  }

  /** Opens the palette with Ctrl/Cmd+K, types `query` and runs the first match with Enter. */
  async command(query: string): Promise<void> {
    // The app mounts after the page's load event (the entry asks for the table list first, then
    // imports the app): a person presses the shortcut on the app they see, so wait for its shell.
    // The served page already holds the banner and the table list before the app runs: its
    // Changes button is the app's own. A shortcut pressed while the app attaches its keyboard
    // handler is pressed again, as a person would when nothing opened.
    await expect(this.page.getByRole('button', { name: /^Changes \(/ })).toBeVisible();
    await expect(async () => {
      if (!(await this.palette.isVisible())) await this.page.keyboard.press('ControlOrMeta+k');
      await expect(this.paletteInput).toBeFocused({ timeout: 2_000 });
    }).toPass();
    await this.page.keyboard.type(query);
    await expect(this.palette.getByRole('option').first()).toBeVisible();
    await this.page.keyboard.press('Enter');
    await expect(this.palette).toBeHidden();
  }

  /** Counts trusted pointer and mouse events on the page from now on. */
  async countPointerEvents(): Promise<void> {
    await this.page.evaluate(() => {
      const w = window as unknown as { pointerEvents: number };
      w.pointerEvents = 0;
      for (const type of ['pointerdown', 'mousedown', 'mouseup', 'dblclick', 'contextmenu'])
        window.addEventListener(type, (e) => e.isTrusted && w.pointerEvents++, true);
    });
  }

  pointerEvents(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as { pointerEvents: number }).pointerEvents);
  }

  /** A short description of the focused element: role or tag, and its accessible label. */
  focused(): Promise<string> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return 'none';
      const role = el.getAttribute('role') ?? el.tagName.toLowerCase();
      return `${role}:${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? ''}`;
    });
  }
}
