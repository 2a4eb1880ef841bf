/** The e2e runner's browser finder: CHROMIUM_PATH first, then the usual places, then playwright's cache. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../scripts/browser.mjs';

const dir = mkdtempSync(join(tmpdir(), 'cl-browser-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function touch(path: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '');
  return path;
}

describe('findBrowser', () => {
  it('takes CHROMIUM_PATH when it exists, and says none when it does not', () => {
    const exe = touch(join(dir, 'my-chrome'));
    expect(findBrowser({ CHROMIUM_PATH: exe }, 'linux')).toBe(exe);
    expect(findBrowser({ CHROMIUM_PATH: join(dir, 'missing') }, 'linux')).toBeNull();
  });

  it('finds Chrome and Edge at their Windows places', () => {
    const programs = join(dir, 'Program Files');
    const edge = touch(join(programs, 'Microsoft', 'Edge', 'Application', 'msedge.exe'));
    expect(findBrowser({ PROGRAMFILES: programs, LOCALAPPDATA: join(dir, 'empty') }, 'win32')).toBe(edge);
    const chrome = touch(join(programs, 'Google', 'Chrome', 'Application', 'chrome.exe'));
    expect(findBrowser({ PROGRAMFILES: programs, LOCALAPPDATA: join(dir, 'empty') }, 'win32')).toBe(chrome);
  });

  it("falls back to playwright's cache, newest first, and else to null", () => {
    const cache = join(dir, 'ms-playwright');
    expect(findBrowser({ PLAYWRIGHT_BROWSERS_PATH: cache, LOCALAPPDATA: join(dir, 'none') }, 'win32')).toBeNull();
    touch(join(cache, 'chromium-1100', 'chrome-win', 'chrome.exe'));
    const newer = touch(join(cache, 'chromium-1200', 'chrome-win64', 'chrome.exe'));
    expect(findBrowser({ PLAYWRIGHT_BROWSERS_PATH: cache, LOCALAPPDATA: join(dir, 'none') }, 'win32')).toBe(newer);
  });
});
