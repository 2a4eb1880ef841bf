/**
 * 导出报销单模板 in Chromium: export one employee's form from the import page, fill it as the
 * claimant would, import it back through the wizard; then a 数电票 PDF through the same wizard.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { einvoicePdf } from '../support/einvoice';
import { tempDir } from '../support/temp';
import { createBookInUi, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.stop();
});

it('exports the template for one employee and imports it back as filled', async () => {
  const { page } = e;
  const book = await createBookInUi(e, '模板测试有限公司', '2026-01');
  book.tx(() => {
    book.sqlite.prepare(`INSERT INTO employee (code, name, name_key) VALUES ('E0001', '张伟', '张伟'), ('E0002', '王芳', '王芳')`).run();
    book.sqlite.prepare(`INSERT INTO customer (code, name, name_key) VALUES ('C0001', '华东机械', '华东机械')`).run();
  });
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await page.getByTestId('import-page').waitFor();

  await page.getByTestId('import-template-employee').locator('option', { hasText: '王芳' }).waitFor({ state: 'attached' });
  await page.getByTestId('import-template-employee').selectOption('E0002');
  const download = page.waitForEvent('download');
  await page.getByTestId('import-template-export').click();
  const saved = await (await download).path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['王芳', '下拉清单']);

  const ws = wb.getWorksheet('王芳')!;
  ws.getCell('B3').value = 'BX-E2E';
  ws.getRow(5).values = [new Date(Date.UTC(2026, 10, 3)), '华东机械', '差旅费', '拜访', null, 300];
  const total = ws.getCell('F20');
  total.value = { formula: (total.value as { formula: string }).formula, result: 300 };
  ws.getCell('C20').value = '叁佰元整';
  const filled = join(tempDir('cl-e2e-'), '王芳报销单.xlsx');
  await wb.xlsx.writeFile(filled);

  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-pick').click();
  await (await chooser).setFiles(filled);
  await page.getByTestId('import-forms').getByText('BX-E2E').waitFor();
  await e.shot('claim-template-01-preview');
  await page.getByTestId('import-run').click();
  await page.locator('[data-testid="import-result"], [data-testid="import-error"]').first().waitFor({ timeout: 90_000 });
  expect(await page.getByTestId('import-error').count()).toBe(0);
  await expect(page.getByTestId('count-accepted').locator('.n').textContent()).resolves.toBe('1');
  await expect(page.getByTestId('count-rejected').locator('.n').textContent()).resolves.toBe('0');
  expect(book.sqlite.prepare('SELECT form_no AS formNo, total_fen AS totalFen FROM claim').all()).toEqual([{ formNo: 'BX-E2E', totalFen: 30000 }]);
});

it('imports a 数电票 PDF into the invoice ledger through the wizard', async () => {
  const { page } = e;
  await page.getByRole('button', { name: '导入另一个文件' }).click();
  await page.getByTestId('import-kind').selectOption('invoices');
  const pdf = join(tempDir('cl-e2e-'), 'dzfp_26312000000012345678.pdf');
  writeFileSync(pdf, await einvoicePdf({ no: '26312000000012345678', special: true, date: [2026, 11, 7], items: [{ name: '*餐饮服务*餐费', amount: '1664.15', rate: '6%', tax: '99.85' }], amount: '1664.15', tax: '99.85', total: '1764.00' }));
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-pick').click();
  await (await chooser).setFiles(pdf);
  await page.getByTestId('import-rows').getByText('26312000000012345678').waitFor();
  await e.shot('claim-template-02-invoice-pdf');
  // A single e-invoice has a fixed layout: no sheet or column mapping to choose.
  await page.getByTestId('import-fixed').waitFor();
  expect(await page.getByTestId('import-mapping').count()).toBe(0);
  // The wide preview scrolls inside its box; the page stays within the window.
  expect(await page.locator('.import-page').evaluate((el) => el.getBoundingClientRect().right <= window.innerWidth)).toBe(true);
  await page.getByTestId('import-run').click();
  await page.locator('[data-testid="import-result"], [data-testid="import-error"]').first().waitFor({ timeout: 90_000 });
  expect(await page.getByTestId('import-error').count()).toBe(0);
  await expect(page.getByTestId('count-accepted').locator('.n').textContent()).resolves.toBe('1');
  const book = e.harness.session.requireBook();
  expect(book.sqlite.prepare('SELECT invoice_key AS k, total_fen AS t, source FROM invoice').all()).toEqual([{ k: '26312000000012345678', t: 176400, source: 'PDF' }]);
});
