import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RESULTS, startE2E, type E2E } from './harness';

/** A main-thread task this long is a visible freeze, whatever else the machine is doing. */
const EGREGIOUS_MS = 1000;

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.stop();
});

it('creates a book, shows the chart of accounts and switches language', async () => {
  const { page } = e;
  await expect(page.getByRole('heading', { name: '欢迎使用客户费用账本' }).isVisible()).resolves.toBe(true);
  await e.shot('01-start');
  await page.getByLabel('公司名称').fill('蓝海贸易（上海）有限公司');
  await page.getByLabel('启用期间').fill('2026-10');
  await page.getByRole('button', { name: '创建账套' }).click();
  await page.getByRole('button', { name: '会计科目' }).click();
  const grid = page.getByTestId('accounts-grid');
  await grid.getByText('拜访差旅').waitFor();
  await expect(grid.getByText('56020101').isVisible()).resolves.toBe(true);
  await e.shot('02-accounts-zh');
  await page.getByTestId('toggle-language').click();
  await page.getByRole('button', { name: 'Chart of accounts' }).waitFor();
  await grid.locator('.ag-header-cell-text', { hasText: 'Normal side' }).waitFor();
  await grid.getByText('Asset').first().waitFor();
  await e.shot('03-accounts-en');
  // The book really exists on disk with the chart.
  const info = e.harness.session.requireBook().info();
  expect(info.company).toBe('蓝海贸易（上海）有限公司');
  expect(info.firstPeriod).toBe('2026-10');
});

it('checks the book on open, backs it up on close and lists the backup', async () => {
  const { page } = e;
  await page.getByTestId('toggle-language').click(); // back to Chinese
  await page.getByRole('button', { name: '首页', exact: true }).click();
  await page.getByText('账套检查通过').waitFor();
  await page.getByRole('button', { name: '关闭账套' }).click();
  await page.getByRole('heading', { name: '欢迎使用客户费用账本' }).waitFor();
  await page.getByRole('button', { name: /蓝海贸易/ }).click();
  await page.getByText('账套检查通过').waitFor();
  const backups = page.getByRole('region', { name: '自动备份' });
  await backups.getByText('关闭时').waitFor();
  await e.shot('04-home-backups');
});

it('kept the window responsive through the journey (long tasks reported)', async () => {
  const tasks = await e.longTasks();
  const total = tasks.reduce((s, t) => s + t.durationMs, 0);
  writeFileSync(join(RESULTS, 'start-long-tasks.json'), JSON.stringify({ count: tasks.length, totalMs: total, tasks }, null, 2));
  console.log(`long tasks (> 50 ms) during the start journey: ${tasks.length}, ${total} ms in all, longest ${Math.max(0, ...tasks.map((t) => t.durationMs))} ms`);
  // The design's budget is 50 ms per action; a shared CI machine adds noise, so only an
  // egregious freeze fails here (the numbers above are the measurement).
  expect(tasks.filter((t) => t.durationMs > EGREGIOUS_MS)).toEqual([]);
});
