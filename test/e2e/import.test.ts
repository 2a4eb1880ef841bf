/** The import wizard in Chromium: pick the sample sheet, check header and preview, import, read the summary, download rejects, undo. */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBookInUi, startE2E, type E2E } from './harness';

const SAMPLE = join(import.meta.dirname, '../fixtures/samples/sample_cn_titled.xlsx');

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.stop();
});

it.skipIf(!existsSync(SAMPLE))('imports an expense sheet through the wizard and undoes it', async () => {
  const { page } = e;
  await createBookInUi(e, '导入测试有限公司', '2026-01');
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await page.getByTestId('import-page').waitFor();

  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-pick').click();
  await (await chooser).setFiles(SAMPLE);
  await page.getByTestId('import-preview').waitFor();
  await expect(page.getByTestId('import-header-row').textContent()).resolves.toBe('表头在第 4 行');
  await expect(page.getByTestId('map-amount').inputValue()).resolves.toBe('9');
  const rows = page.getByTestId('import-rows');
  await rows.locator('tr.row-ok').first().waitFor();
  // The sample names people and customers a new book lacks: listed, and confirmed before the import.
  await page.getByTestId('import-confirm-masters').waitFor({ timeout: 90_000 });
  await expect(page.getByTestId('import-run').isDisabled()).resolves.toBe(true);
  await e.shot('import-01-preview');

  await page.getByTestId('import-confirm-masters').check();
  await page.getByTestId('import-run').click();
  const result = page.getByTestId('import-result');
  await result.waitFor();
  await expect(page.getByTestId('count-accepted').locator('.n').textContent()).resolves.toBe('115');
  await expect(page.getByTestId('count-rejected').locator('.n').textContent()).resolves.toBe('3');
  await expect(page.getByTestId('count-duplicates').locator('.n').textContent()).resolves.toBe('2');
  await expect(page.getByTestId('count-total').locator('.n').textContent()).resolves.toBe('23,928.13');
  await expect(page.getByTestId('import-rejects').getByText('金额超过两位小数（不会自动四舍五入）').isVisible()).resolves.toBe(true);
  // Each duplicate says which earlier row of the file it repeats (a new book: nothing else to repeat).
  const dups = page.getByTestId('import-duplicates').locator('tr');
  await expect(dups.count()).resolves.toBe(2);
  for (const text of await dups.allInnerTexts()) expect(text).toMatch(/(相同|都相同)，重复的是本文件 \S+ 第 \d+ 行/);
  await e.shot('import-02-summary');

  const download = page.waitForEvent('download');
  await page.getByTestId('import-download-rejects').click();
  const file = await (await download).path();
  expect(statSync(file).size).toBeGreaterThan(1000);

  const book = e.harness.session.requireBook();
  expect(book.sqlite.prepare('SELECT COUNT(*) FROM claim_line').pluck().get()).toBe(115);
  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('undo-1').click();
  await page.getByTestId('batch-1').getByText('已撤销').waitFor();
  expect(book.sqlite.prepare('SELECT COUNT(*) FROM claim_line').pluck().get()).toBe(0);
  await e.shot('import-03-undone');
});
