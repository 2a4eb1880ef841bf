/**
 * First paint: from starting the web harness to the demo's home page interactive in
 * Debian's Chromium (the heading drawn and the checklist filled from the book), on a
 * fresh folder, so the demo book is generated on the way; and the demo's generation
 * alone. The browser is started before the clock (it is not the app's start-up), and
 * the harness is the built one (out/harness, npm run build:harness), its modules already
 * loaded: the packed app loads a built bundle too, and from TypeScript the engine thread
 * spent seconds loading the core through tsx. The note says how much script the first
 * page fetched.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { dispatch } from '../../electron/core/service/index';
import { Session } from '../../electron/core/service/session';
import { median, type BenchCase, type BenchSize } from './types';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const STATIC = resolve('out/web');
const HARNESS = resolve('out/harness/server.js');
const runsFor = (size: BenchSize) => (size === 'smoke' ? 1 : 5);

async function firstPaint(size: BenchSize): Promise<{ ms: number; note: string }> {
  if (!existsSync(join(STATIC, 'index.html'))) throw new Error('out/web missing: npm run build:web first');
  if (!existsSync(HARNESS)) throw new Error('out/harness missing: npm run build:harness first');
  const { startWebHarness } = (await import(pathToFileURL(HARNESS).href)) as typeof import('../../electron/web/server');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const times: number[] = [];
  const reopen: number[] = [];
  let scriptKb = 0;
  try {
    for (let i = 0; i < runsFor(size); i++) {
      const workDir = mkdtempSync(join(tmpdir(), 'cl-bench-paint-'));
      try {
        for (const pass of ['first', 'again'] as const) {
          const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, locale: 'zh-CN' });
          const page = await context.newPage();
          let bytes = 0;
          page.on('response', (r) => {
            if (r.url().endsWith('.js')) void r.body().then((b) => (bytes += b.length), () => {});
          });
          const t = performance.now();
          const harness = await startWebHarness({ staticDir: STATIC, workDir });
          try {
            await page.goto(harness.url);
            await page.getByRole('button', { name: '浏览示例账套' }).click();
            await page.getByRole('heading', { name: '示例科技（上海）有限公司' }).waitFor({ timeout: 60_000 });
            await page.getByRole('region', { name: '每月工作清单' }).getByText('导入客户经理的费用表').waitFor({ timeout: 60_000 });
            (pass === 'first' ? times : reopen).push(performance.now() - t);
            if (pass === 'first') scriptKb = Math.round(bytes / 1024);
          } finally {
            await context.close();
            await harness.close();
          }
        }
      } finally {
        rmSync(workDir, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
  }
  return { ms: median(times), note: `demo generated on the way; with the demo book already there ${Math.round(median(reopen))} ms; first page fetched ${scriptKb} KB of script` };
}

async function demoGeneration(size: BenchSize): Promise<{ ms: number; note: string }> {
  const times: number[] = [];
  for (let i = 0; i < runsFor(size); i++) {
    const dir = mkdtempSync(join(tmpdir(), 'cl-bench-demo-'));
    const session = new Session({ settingsDir: dir, booksDir: dir });
    try {
      const t = performance.now();
      const r = await dispatch(session, 'book.demo', {});
      times.push(performance.now() - t);
      if (!r.ok) throw new Error(r.error.message);
    } finally {
      session.setBook(null);
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { ms: median(times), note: 'book.demo on a fresh folder: create, migrate, a year of the demo company' };
}

export const cases: BenchCase[] = [
  { name: 'first paint: web harness start to the demo home page interactive (Chromium)', target: '< 1.5 s', maxMs: 1_500, run: firstPaint },
  { name: 'demo book generation', target: '< 1 s', maxMs: 1_000, run: demoGeneration },
];
