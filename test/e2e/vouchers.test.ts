/**
 * The voucher workflow in Chromium: a one-accountant book allows self-review; a voucher
 * with 附单据 is saved (制单), reviewed (审核), unreviewed (反审核) and reviewed again,
 * posted (记账), printed to PDF for the period, renumbered (凭证整理), and opened from a
 * 序时账 row. Screenshots in test-results/ to look at.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBookInUi, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.stop();
});

it('reviews, posts, prints and opens a voucher from the journal', async () => {
  const { page } = e;
  page.on('dialog', (d) => void d.accept());
  await createBookInUi(e, '青山咨询有限公司', '2026-01');
  await page.getByRole('button', { name: '凭证', exact: true }).click();
  await page.getByTestId('setting-self-review').check();
  await page.getByTestId('voucher-toolbar-note').getByText('凭证设置已保存').waitFor();

  const editor = page.getByTestId('voucher-editor');
  await page.getByTestId('voucher-attachments').fill('2');
  await page.getByTestId('voucher-date').fill('2026-01-15');
  await page.getByTestId('voucher-memo').fill('收到投资款');
  const tsv = '收到投资款\t1002\t1234.50\t\n收到投资款\t3001\t\t1234.50';
  await editor.locator('[data-cell="0-memo"]').evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, tsv);
  await editor.getByTestId('voucher-note').getByText('已粘贴 2 行').waitFor();
  await editor.getByTestId('voucher-review').click();
  await editor.locator('.badge.reviewed').getByText('已审核').waitFor();
  await editor.getByTestId('voucher-people').getByText(/审核：accountant \(自审\)/).waitFor();
  await expect(page.getByTestId('voucher-attachments').isDisabled()).resolves.toBe(true);
  await page.getByTestId('voucher-list').getByText('已审核').waitFor();
  await e.shot('vouchers-01-reviewed');
  await editor.getByTestId('voucher-unreview').click();
  await editor.getByTestId('voucher-note').getByText('已反审核，可以修改').waitFor();
  await page.getByTestId('voucher-attachments').fill('3');
  await editor.getByTestId('voucher-review').click();
  await editor.locator('.badge.reviewed').waitFor();
  await editor.getByTestId('voucher-post').click();
  await editor.getByTestId('voucher-note').getByText('已过账：2026-01 记-0001').waitFor();
  await editor.getByTestId('voucher-people').getByText(/记账：accountant/).waitFor();
  await page.getByTestId('voucher-list').getByText('已过账').waitFor();
  await e.shot('vouchers-02-posted');

  // A second, earlier-dated voucher, then 凭证整理 puts the numbers in date order.
  await editor.getByRole('button', { name: '新建凭证' }).click();
  await page.getByTestId('voucher-date').fill('2026-01-03');
  await editor.locator('[data-cell="0-memo"]').evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, '提现\t1001\t100\t\n提现\t1002\t\t100');
  await editor.getByTestId('voucher-review').click();
  await editor.locator('.badge.reviewed').waitFor();
  await editor.getByTestId('voucher-post').click();
  await editor.getByTestId('voucher-note').getByText('已过账：2026-01 记-0002').waitFor();
  await page.getByTestId('voucher-period').selectOption('2026-01');
  await page.getByTestId('voucher-renumber').click();
  await page.getByTestId('voucher-toolbar-note').getByText('2026-01：2 / 2 张凭证已按日期重新编号').waitFor();

  await page.getByTestId('print-from').selectOption('2026-01');
  await page.getByTestId('print-to').selectOption('2026-01');
  await page.getByTestId('voucher-print-range').click();
  await page.getByTestId('voucher-toolbar-note').getByText('已生成 PDF：2 张凭证，1 页').waitFor();
  const exports = join(e.workDir, 'exports');
  const pdfs = readdirSync(exports, { recursive: true }).map(String).filter((f) => f.endsWith('.pdf'));
  expect(pdfs).toHaveLength(1);
  const pdf = join(exports, pdfs[0]!);
  expect(existsSync(pdf) && readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  await e.shot('vouchers-03-printed');

  // 序时账: by date then number; a row opens its voucher.
  await page.getByRole('button', { name: '账簿' }).click();
  await page.getByTestId('ledger-tab-journal').click();
  const journal = page.getByTestId('journal');
  await journal.getByText('提现').first().dblclick();
  const view = page.getByTestId('voucher-view');
  await view.getByText('2026-01 记-0001').waitFor();
  await view.getByText('壹佰元整').waitFor();
  await e.shot('vouchers-04-opened-from-journal');
  await page.keyboard.press('Escape');
  await expect(view.count()).resolves.toBe(0);
});
