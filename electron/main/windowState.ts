import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, type BrowserWindow, type Rectangle } from 'electron';
import { writeFileAtomicSync } from '../../server/files/atomicWrite';

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

const DEFAULT: WindowState = { bounds: { x: 0, y: 0, width: 1280, height: 800 }, maximized: false };

/** The saved window bounds, if they still fall on a connected display. */
export function loadWindowState(dir: string): WindowState & { restored: boolean } {
  try {
    const saved = JSON.parse(readFileSync(join(dir, 'window-state.json'), 'utf8')) as WindowState;
    const visible = screen.getAllDisplays().some((d) => {
      const a = d.workArea;
      const b = saved.bounds;
      return b.x < a.x + a.width && b.x + b.width > a.x && b.y < a.y + a.height && b.y + b.height > a.y;
    });
    if (visible && saved.bounds.width > 200 && saved.bounds.height > 150) return { ...saved, restored: true };
  } catch {
    // First start or unreadable state: use the default size.
  }
  return { ...DEFAULT, restored: false };
}

/** Saves bounds on move/resize/close (atomic write), so the next start opens in the same place. */
export function trackWindowState(win: BrowserWindow, dir: string): void {
  const save = () => {
    if (win.isDestroyed()) return;
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    const file = join(dir, 'window-state.json');
    writeFileAtomicSync(file, JSON.stringify(state));
  };
  let timer: NodeJS.Timeout | undefined;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', save);
}
