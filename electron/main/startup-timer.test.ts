/**
 * The shell's start-up timer: the window logs, once it is shown, how long after the main
 * process's launch that was (the electron module mocked, as in hardening.test.ts).
 */
import { describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => ({ once: new Map<string, () => void>(), shown: 0 }));

vi.mock('electron', () => ({
  app: { isPackaged: true },
  BrowserWindow: vi.fn(function (this: Record<string, unknown>) {
    this.webContents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    this.once = (event: string, fn: () => void) => h.once.set(event, fn);
    this.show = () => void h.shown++;
    this.maximize = vi.fn();
    this.loadURL = vi.fn(async () => {});
  }),
  session: { defaultSession: { webRequest: { onHeadersReceived: vi.fn() }, setPermissionRequestHandler: vi.fn() } },
}));

describe('start-up timer', () => {
  it('logs the time from launch to the window shown, in ms since the process started', async () => {
    const { createWindow } = await import('./window');
    createWindow('/app/out/main');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const before = performance.now();
    h.once.get('ready-to-show')!();
    const after = performance.now();
    expect(h.shown).toBe(1);
    const line = log.mock.calls.map((c) => String(c[0])).find((l) => l.startsWith('[startup] window shown'));
    const ms = Number(/(\d+) ms after launch$/.exec(line ?? '')?.[1]);
    // Counted from the process's start, not from the call: at least the time already spent loading this test.
    expect(ms).toBeGreaterThanOrEqual(Math.floor(before));
    expect(ms).toBeLessThanOrEqual(Math.ceil(after));
    log.mockRestore();
  });
});
