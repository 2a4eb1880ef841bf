/**
 * Issue 14 in Chromium: a sheet naming customers and an employee the book lacks. The preview
 * lists them with the codes they will get (in the book's width: C003 beside C001), the import
 * stays disabled until the list is confirmed (by keyboard here), and afterwards they exist
 * under exactly those codes.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addCustomer, addEmployee } from '../support/book';
import { writeXlsx } from '../support/xlsx';
import { createBookInUi, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.stop();
});

it('lists the new customers and employees before the import and creates them only once confirmed', async () => {
  const { page } = e;
  await createBookInUi(e, '新建客户测试有限公司', '2026-01');
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await page.getByTestId('import-page').waitFor();
  const book = e.harness.session.requireBook();
  addCustomer(book, 'C001', '老客户');
  addCustomer(book, 'C002', '另一老客户');
  addEmployee(book, 'E01', '张伟');

  const rows: (string | number)[][] = [['日期', '报销人', '客户', '费用类别', '金额']];
  for (let i = 0; i < 40; i++) rows.push([`2026-10-${String(1 + (i % 28)).padStart(2, '0')}`, '张伟', i % 4 ? '老客户' : '新客户甲', '差旅', 100 + i]);
  // Below the preview's first 30 rows: found only because every row is read.
  rows.push(['2026-10-20', '王新人', '新客户乙', '差旅', 88]);
  const file = await writeXlsx([{ name: '明细', rows }], 'new-masters.xlsx', join(e.workDir));

  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-pick').click();
  await (await chooser).setFiles(file);
  const list = page.getByTestId('import-new-masters-table');
  // A job reads every row (its worker starts slowly on a loaded machine).
  await list.waitFor({ timeout: 90_000 });
  await expect(page.getByTestId('import-new-masters').locator('h2').textContent()).resolves.toBe('将新建 2 个客户、1 名员工');
  const listed = (await list.locator('tbody tr').allInnerTexts()).map((t) => t.split('\t').slice(0, 4).join(' '));
  expect(listed).toEqual(['客户 C003 新客户甲 10', '客户 C004 新客户乙 1', '员工 E02 王新人 1']);
  const run = page.getByTestId('import-run');
  await expect(run.isDisabled()).resolves.toBe(true);
  await expect(page.locator('#import-run-why').textContent()).resolves.toBe('请先勾选确认新建的客户和员工');
  await page.getByTestId('import-new-masters').scrollIntoViewIfNeeded();
  await e.shot('import-04-new-masters');

  // Keyboard: the confirmation and the button are reachable and work without a mouse.
  await page.getByTestId('import-confirm-masters').focus();
  await page.keyboard.press('Space');
  await expect(run.isEnabled()).resolves.toBe(true);
  await run.focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('import-result').waitFor();
  await expect(page.getByTestId('count-accepted').locator('.n').textContent()).resolves.toBe('41');
  await e.shot('import-05-new-masters-done');

  expect(book.sqlite.prepare('SELECT code, name FROM customer ORDER BY code').all()).toEqual([
    { code: 'C001', name: '老客户' },
    { code: 'C002', name: '另一老客户' },
    { code: 'C003', name: '新客户甲' },
    { code: 'C004', name: '新客户乙' },
  ]);
  expect(book.sqlite.prepare('SELECT code, name FROM employee ORDER BY code').all()).toEqual([
    { code: 'E01', name: '张伟' },
    { code: 'E02', name: '王新人' },
  ]);
});
