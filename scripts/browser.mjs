// Finds a Chromium-family browser for the e2e tests and the screenshot scripts, so `npm test`
// works wherever a developer already has one: CHROMIUM_PATH, the system's Chromium, Chrome or
// Edge at their usual Windows/macOS/Linux places, or a browser in playwright's own cache.
// playwright-core drives any of them (we never download a browser: see README).
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

function systemCandidates(env = process.env, platform = process.platform) {
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(Boolean);
    return roots.flatMap((r) => [
      join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(r, 'Chromium', 'Application', 'chrome.exe'),
      join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]);
  }
  if (platform === 'darwin') {
    return ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge']
      .flatMap((app) => [join('/Applications', app), join(homedir(), 'Applications', app)]);
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge', '/opt/google/chrome/chrome'];
}

/** Browsers that `npx playwright install chromium` left in its cache, newest first. */
function playwrightCandidates(env = process.env, platform = process.platform) {
  const cache = env.PLAYWRIGHT_BROWSERS_PATH
    ?? (platform === 'win32' ? join(env.LOCALAPPDATA ?? homedir(), 'ms-playwright')
      : platform === 'darwin' ? join(homedir(), 'Library', 'Caches', 'ms-playwright')
        : join(homedir(), '.cache', 'ms-playwright'));
  if (!existsSync(cache)) return [];
  const inside = ['chrome-linux/chrome', 'chrome-linux64/chrome', 'chrome-win/chrome.exe', 'chrome-win64/chrome.exe',
    'chrome-mac/Chromium.app/Contents/MacOS/Chromium', 'chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
    'chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing'];
  return readdirSync(cache).filter((d) => d.startsWith('chromium-')).sort().reverse()
    .flatMap((d) => inside.map((p) => join(cache, d, p)));
}

/** The browser to drive, or null when this machine has none. */
export function findBrowser(env = process.env, platform = process.platform) {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  return [...systemCandidates(env, platform), ...playwrightCandidates(env, platform)].find((p) => existsSync(p)) ?? null;
}

export const NO_BROWSER =
  'e2e skipped: no Chromium, Chrome or Edge found (install one, e.g. `apt-get install chromium fonts-noto-cjk`, or set CHROMIUM_PATH)';
