/**
 * The README's fallback when Electron cannot run: `npm run dev:web` starts, prints its URL,
 * and that URL opens the start page in a real browser. Run through npm exactly as a user
 * types it (the renderer and the harness were built by the e2e runner, scripts/e2e.mjs;
 * --no-build keeps this test quick).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { CHROMIUM, RESULTS } from './harness';

const home = mkdtempSync(join(tmpdir(), 'cl-devweb-'));
let child: ChildProcess | undefined;

afterAll(async () => {
  // npm → dev-web.mjs → the harness: stop the whole process group and wait for it.
  if (child?.pid && child.exitCode === null) {
    const exited = new Promise((r) => child!.once('exit', r));
    process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGTERM');
    await exited;
  }
  rmSync(home, { recursive: true, force: true });
});

function waitForUrl(proc: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no URL within 60 s; printed:\n${out}`)), 60_000);
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
    proc.on('exit', (code) => reject(new Error(`dev:web exited with ${code}:\n${out}`)));
  });
}

it('npm run dev:web prints a URL that opens the start page', async () => {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  child = spawn(npm, ['run', '--silent', 'dev:web', '--', '--no-build'], { env: { ...process.env, CLIENT_LEDGER_HOME: home, PORT: '' }, stdio: ['ignore', 'pipe', 'inherit'], detached: process.platform !== 'win32' });
  const url = await waitForUrl(child);
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(url);
    await page.getByRole('heading', { name: '欢迎使用客户费用账本' }).waitFor();
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'dev-web-start.png') });
  } finally {
    await browser.close();
  }
});
