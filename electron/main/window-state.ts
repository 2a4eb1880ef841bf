/** Remembers the window's size, position and maximised state between runs. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';

export interface WindowState {
  bounds?: Rectangle;
  maximized?: boolean;
}

export function loadWindowState(dir: string): WindowState {
  try {
    return JSON.parse(readFileSync(join(dir, 'window-state.json'), 'utf8')) as WindowState;
  } catch {
    return {};
  }
}

export function trackWindowState(win: BrowserWindow, dir: string): void {
  const save = () => {
    if (win.isDestroyed()) return;
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    try {
      writeFileSync(join(dir, 'window-state.json'), JSON.stringify(state));
    } catch {
      // Not being able to remember the window is no reason to stop closing it.
    }
  };
  win.on('close', save);
}
