/**
 * 取消 on a long job (issue 17): a big import is stopped while its bar moves; the page says
 * 已取消 and the book holds nothing of it (no batch, no claim, none of the confirmed new
 * claimants: the engine rolls the job's transaction back). The same file then imports whole.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBookInUi, startE2E, type E2E } from './harness';
import { writeXlsx } from '../support/xlsx';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.stop();
});

it('cancels a running import with nothing written, then runs it to the end', async () => {
  const { page } = e;
  const book = await createBookInUi(e, '取消测试有限公司', '2026-01');
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await page.getByTestId('import-page').waitFor();

  // Big enough to run for seconds in the job worker (push-events.test runs 6,000 rows in a few).
  const ROWS = 15000;
  // Every row differs in its amount (yuan from i % 900, fen from i / 900), so none is a duplicate of another.
  const amount = (i: number) => `${(i % 900) + 1}.${String(Math.floor(i / 900) % 100).padStart(2, '0')}`;
  const rows = Array.from({ length: ROWS }, (_, i) => [`2026-01-${String((i % 28) + 1).padStart(2, '0')}`, `员工${i % 7}`, i % 2 ? '差旅' : '餐费', amount(i)]);
  const file = await writeXlsx([{ name: '报销', rows: [['日期', '报销人', '类别', '金额'], ...rows] }], 'cancel.xlsx');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-pick').click();
  await (await chooser).setFiles(file);
  await page.getByTestId('import-preview').waitFor();
  await page.getByTestId('import-confirm-masters').check({ timeout: 90_000 });

  const counts = () => ({
    batches: (book.sqlite.prepare('SELECT COUNT(*) AS n FROM import_batch').get() as { n: number }).n,
    claims: (book.sqlite.prepare('SELECT COUNT(*) AS n FROM claim').get() as { n: number }).n,
    employees: (book.sqlite.prepare('SELECT COUNT(*) AS n FROM employee').get() as { n: number }).n,
  });
  const before = counts();
  expect(before).toEqual({ batches: 0, claims: 0, employees: 0 });

  await page.getByTestId('import-run').click();
  const bar = page.getByTestId('import-progress');
  // Cancelled while it runs: its bar has counted rows (job.progress events arrived).
  await expect.poll(async () => Number(/(\d+) 行/.exec((await bar.textContent()) ?? '')?.[1] ?? 0), { timeout: 60_000 }).toBeGreaterThan(0);
  await e.shot('cancel-01-running');
  await page.getByTestId('import-progress-cancel').click();
  await page.getByTestId('import-cancelled').getByText('已取消').waitFor();
  await expect(bar.count()).resolves.toBe(0);
  await expect(page.getByTestId('import-result').count()).resolves.toBe(0);
  // No error toast: the page said it.
  await expect(page.getByTestId('toasts').count()).resolves.toBe(0);
  await e.shot('cancel-02-cancelled');
  // The worker's connection is gone and its transaction never committed: the book is as before.
  expect(counts()).toEqual(before);
  await expect(page.getByTestId('batch-1').count()).resolves.toBe(0);

  // The same import, not cancelled, writes every row.
  await page.getByTestId('import-run').click();
  await page.getByTestId('import-result').waitFor({ timeout: 180_000 });
  await expect(page.getByTestId('count-accepted').locator('.n').textContent()).resolves.toBe(ROWS.toLocaleString('en-US'));
  const after = counts();
  expect([after.batches, after.employees]).toEqual([1, 7]);
  expect(after.claims).toBeGreaterThan(0);
}, 300_000);
