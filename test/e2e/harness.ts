/**
 * e2e support: the real web harness on loopback with a real book folder, and Debian's
 * Chromium driven by playwright-core. Screenshots go to test-results/ for people to look at.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Book } from '../../electron/core/book/book';
import { startWebHarness, type WebHarness } from '../../electron/web/server';
import { findBrowser, NO_BROWSER } from '../../scripts/browser.mjs';

export const CHROMIUM = findBrowser() ?? '';
export const RESULTS = resolve('test-results');

export interface E2E {
  harness: WebHarness;
  browser: Browser;
  page: Page;
  workDir: string;
  shot(name: string): Promise<string>;
  /** Main-thread tasks over 50 ms in the page since it loaded (PerformanceObserver 'longtask'). */
  longTasks(): Promise<LongTask[]>;
  stop(): Promise<void>;
}

export interface LongTask {
  startMs: number;
  durationMs: number;
}

/** Installed before any page script: the browser reports every task that kept the main thread over 50 ms. */
const LONG_TASK_OBSERVER = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ startMs: Math.round(e.startTime), durationMs: Math.round(e.duration) });
  }).observe({ type: 'longtask', buffered: true });
`;

/**
 * What most journeys start with: a new book created on the start page, as a user does it
 * (company, optionally the first period, 创建账套), waited for until the book's frame shows.
 */
export async function createBookInUi(e: E2E, company: string, firstPeriod?: string): Promise<Book> {
  const { page } = e;
  await page.getByLabel('公司名称').fill(company);
  if (firstPeriod) await page.getByLabel('启用期间').fill(firstPeriod);
  await page.getByRole('button', { name: '创建账套' }).click();
  await page.getByRole('navigation', { name: 'main' }).waitFor();
  return e.harness.session.requireBook();
}

export async function startE2E(): Promise<E2E> {
  if (!CHROMIUM) throw new Error(NO_BROWSER);
  const workDir = mkdtempSync(join(tmpdir(), 'cl-e2e-'));
  const harness = await startWebHarness({ staticDir: resolve('out/web'), workDir });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, locale: 'zh-CN', acceptDownloads: true });
  await context.addInitScript(LONG_TASK_OBSERVER);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(harness.url);
  mkdirSync(RESULTS, { recursive: true });
  return {
    harness,
    browser,
    page,
    workDir,
    async shot(name) {
      const path = join(RESULTS, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    longTasks: () => page.evaluate(() => (window as unknown as { __longTasks: LongTask[] }).__longTasks.slice()),
    async stop() {
      await browser.close();
      await harness.close();
      rmSync(workDir, { recursive: true, force: true });
      if (errors.length) throw new Error(`page errors: ${errors.join('\n')}`);
    },
  };
}
