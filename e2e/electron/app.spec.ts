import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The Electron binary, or why there is none (it cannot be downloaded on offline build machines). */
function electronBinary(): { path?: string; reason?: string } {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- electron's index exports the binary path
    return { path: require('electron') as string };
  } catch (err) {
    return { reason: (err as Error).message.split('\n')[0] };
  }
}

const binary = electronBinary();

test('the desktop app opens on the sandbox tables', async () => {
  test.skip(!binary.path, `No Electron binary on this machine: ${binary.reason}`);
  const app = await electron.launch({
    executablePath: binary.path,
    args: [resolve(__dirname, '../..'), `--user-data-dir=${mkdtempSync(join(tmpdir(), 'dynostage-electron-'))}`],
  });
  const window = await app.firstWindow();
  await expect(window.getByRole('button', { name: 'SupportTickets', exact: true })).toBeVisible();
  const isolated = await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require);
  expect(isolated).toBe('undefined');
  await app.close();
});
