/**
 * The statements on the Reports page as a user opens them: 资产负债表 with its two column
 * pairs and the balance check, 利润表 with 本年累计金额 / 本月金额, the 科目余额表 in the Chinese
 * layout by level; each saved as a screenshot to look at.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bookVoucher } from '../../electron/core/ledger/vouchers';
import { addCustomer } from '../support/book';
import { createBookInUi, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.stop();
});

it('shows the balance sheet balanced, the income statement and the Chinese trial balance', async () => {
  const { page } = e;
  const book = await createBookInUi(e, '蓝海贸易（上海）有限公司', '2026-01');
  const c = addCustomer(book, 'C01', '青山科技');
  const post = (date: string, lines: object[]) => book.tx(() => bookVoucher(book, { date, memo: 'm', lines: lines as never }));
  post('2026-01-02', [{ account: '1002', debitFen: 50_000_000 }, { account: '3001', creditFen: 50_000_000 }]);
  post('2026-02-10', [{ account: '1122', debitFen: 11_300_000, customerId: c }, { account: '5001', creditFen: 10_000_000, customerId: c }, { account: '222102', creditFen: 1_300_000 }]);
  post('2026-02-20', [{ account: '560204', debitFen: 2_000_000 }, { account: '221101', creditFen: 2_000_000 }]);
  post('2026-02-28', [{ account: '5601', debitFen: 100_000 }, { account: '1602', creditFen: 100_000 }]);

  await page.getByRole('button', { name: '报表', exact: true }).click();
  await page.getByLabel('报表', { exact: true }).selectOption('balance-sheet');
  await page.getByLabel('起始期间').fill('2026-02');
  await page.getByLabel('结束期间').fill('2026-02');
  const body = page.getByTestId('report-body');
  await body.getByRole('heading', { name: '资产负债表' }).waitFor();
  await expect(page.getByTestId('note-balance-sheet').textContent()).resolves.toBe('资产总计 = 负债和所有者权益总计：平衡');
  await body.getByRole('gridcell', { name: '流动负债合计' }).first().waitFor();
  await body.getByRole('gridcell', { name: '500,000.00' }).first().waitFor();
  await e.shot('statements-01-balance-sheet');

  await page.getByLabel('报表', { exact: true }).selectOption('income-statement');
  await body.getByRole('heading', { name: '利润表' }).waitFor();
  await body.getByRole('gridcell', { name: '一、营业收入' }).first().waitFor();
  await body.getByRole('gridcell', { name: '100,000.00' }).first().waitFor();
  await e.shot('statements-02-income-statement');

  await page.getByLabel('报表', { exact: true }).selectOption('trial-balance');
  await page.getByLabel('科目级次').selectOption('1');
  await body.getByText('期末余额 贷方').first().waitFor();
  await body.getByRole('gridcell', { name: '应付职工薪酬' }).first().waitFor();
  await expect(body.getByRole('gridcell', { name: '工资', exact: true }).count()).resolves.toBe(0);
  await e.shot('statements-03-trial-balance-level-1');
});
