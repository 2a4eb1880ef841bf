/**
 * The 账簿 page's own 科目余额表 in the Chinese layout (期初余额 / 本期发生额 / 本年累计 / 期末余额,
 * each 借方 and 贷方, balances unsigned on their side, totals, hide-zero), 明细账 and 序时账
 * rows opening their voucher, and the voucher editor asking before a date beyond next month
 * opens a new period (closing.futurePeriod), then saving with the confirmation.
 * Screenshots in test-results/.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMonths, period } from '../../shared/period';
import { thisPeriodLocal } from '../../shared/today';
import { createBookInUi, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.stop();
});

/** Rows copied from Excel, pasted into the first line (runs in the page). */
const paste = (el: Element, text: string) => {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
};

it('shows the trial balance in the Chinese layout, opens vouchers from ledger rows, and asks before a far-future period', async () => {
  const { page } = e;
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.accept();
  });
  await createBookInUi(e, '青山咨询有限公司', '2026-01');
  await page.getByRole('button', { name: '凭证', exact: true }).click();
  await page.getByTestId('setting-review-required').uncheck();
  await page.getByTestId('voucher-toolbar-note').getByText('凭证设置已保存').waitFor();
  const editor = page.getByTestId('voucher-editor');
  const cell = editor.locator('[data-cell="0-memo"]');

  await page.getByTestId('voucher-date').fill('2026-01-15');
  await cell.evaluate(paste, '收到投资款\t1002\t1234.50\t\n收到投资款\t3001\t\t1234.50');
  await editor.getByTestId('voucher-note').getByText('已粘贴 2 行').waitFor();
  await editor.getByTestId('voucher-post').click();
  await editor.getByTestId('voucher-note').getByText('已过账：2026-01 记-0001').waitFor();

  // A date two months past next month: the editor asks, and on yes saves with the confirmation.
  const far = addMonths(period(thisPeriodLocal()), 3);
  await editor.getByRole('button', { name: '新建凭证' }).click();
  await page.getByTestId('voucher-date').fill(`${far}-05`);
  await cell.evaluate(paste, '提现\t1001\t100\t\n提现\t1002\t\t100');
  await editor.getByTestId('voucher-note').getByText('已粘贴 2 行').waitFor();
  await editor.getByTestId('voucher-post').click();
  await editor.getByTestId('voucher-note').getByText(`已过账：${far} 记-0001`).waitFor();
  expect(dialogs).toEqual([`日期在 ${far}，晚于下个月：将新建期间 ${far}。确定？`]);
  await e.shot('ledger-layout-01-future-confirmed');

  await page.getByRole('button', { name: '账簿' }).click();
  await page.getByTestId('ledger-from').selectOption('2026-01');
  await page.getByTestId('ledger-to').selectOption('2026-01');
  const tb = page.getByTestId('trial-balance');
  for (const h of ['期初余额', '本期发生额', '本年累计', '期末余额']) await tb.getByText(h, { exact: true }).first().waitFor();
  await expect(tb.getByText('借方', { exact: true }).count()).resolves.toBe(4);
  // 实收资本's credit balance stands unsigned in 期末余额 贷方; 借方 stays empty.
  await tb.locator('[row-id="3001"] [col-id="closingCreditFen"]').getByText('1,234.50').waitFor();
  await expect(tb.locator('[row-id="3001"] [col-id="closingDebitFen"]').textContent()).resolves.toBe('0.00');
  await expect(tb.locator('[row-id="3001"] [col-id="creditFen"]').textContent()).resolves.toBe('1,234.50');
  await expect(tb.locator('[row-id="3001"] [col-id="ytdCreditFen"]').textContent()).resolves.toBe('1,234.50');
  await expect(tb.locator('[row-id="1002"] [col-id="closingDebitFen"]').textContent()).resolves.toBe('1,234.50');
  // Totals in every column.
  const totals = tb.locator('.ag-row-pinned');
  for (const c of ['debitFen', 'creditFen', 'ytdDebitFen', 'ytdCreditFen', 'closingDebitFen', 'closingCreditFen']) {
    await expect(totals.locator(`[col-id="${c}"]`).first().textContent(), c).resolves.toBe('1,234.50');
  }
  // Accounts without balance or movement: hidden, then listed on asking.
  // (waited for: ag-grid fades a row out of the earlier answer — the default period, 2027's — before it leaves the DOM)
  await tb.locator('[row-id="1001"]').waitFor({ state: 'detached', timeout: 5000 });
  await page.getByTestId('ledger-hide-zero').uncheck();
  await tb.locator('[row-id="1001"]').getByText('库存现金').waitFor();
  await e.shot('ledger-layout-02-trial-balance');
  await page.getByTestId('ledger-hide-zero').check();
  await tb.locator('[row-id="1001"]').first().waitFor({ state: 'detached' });

  // 明细账 row → its voucher.
  await tb.locator('[row-id="1002"]').getByText('银行存款').dblclick();
  const detail = page.getByTestId('detail-ledger');
  await detail.getByText('收到投资款').first().dblclick();
  const view = page.getByTestId('voucher-view');
  await view.getByText('2026-01 记-0001').waitFor();
  await e.shot('ledger-layout-03-voucher-from-detail');
  await page.keyboard.press('Escape');
  await expect(view.count()).resolves.toBe(0);
});
