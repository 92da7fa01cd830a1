import { screen, type BrowserWindow, type Rectangle } from 'electron';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

interface WindowState {
  readonly bounds: Rectangle;
  readonly maximized: boolean;
}

const fallback: WindowState = {
  bounds: { x: 0, y: 0, width: 1280, height: 820 },
  maximized: false,
};

/** The saved window size and position, if it still fits on one of the screens. */
export function loadWindowState(file: string): WindowState & { centre: boolean } {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as WindowState;
    const { x, y, width, height } = saved.bounds;
    const visible = screen
      .getAllDisplays()
      .some(
        ({ workArea }) =>
          x < workArea.x + workArea.width &&
          x + width > workArea.x &&
          y < workArea.y + workArea.height &&
          y + height > workArea.y,
      );
    if (visible && width >= 480 && height >= 360) return { ...saved, centre: false };
  } catch {
    // No saved state yet, or unreadable: start centred.
  }
  return { ...fallback, centre: true };
}

/** Remembers the window's size and position whenever it changes, written atomically. */
export function trackWindowState(window: BrowserWindow, file: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (window.isDestroyed()) return;
    const state: WindowState = {
      bounds: window.getNormalBounds(),
      maximized: window.isMaximized(),
    };
    writeFileSync(`${file}.tmp`, JSON.stringify(state));
    renameSync(`${file}.tmp`, file);
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 400);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('close', () => {
    clearTimeout(timer);
    save();
  });
}
