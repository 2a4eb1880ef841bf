/**
 * Month-end in Chromium: the 结账检查 of a month with an earlier month open and P&L not
 * transferred explains both blockers and links a warning to the page that fixes it;
 * 结转损益, then 结账 in order; 反结账 offered on the latest closed month only, with a reason.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bookVoucher } from '../../electron/core/ledger/vouchers';
import { createSchedule } from '../../electron/core/schedules/schedules';
import { createBookInUi, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.stop();
});

it('checks, transfers, closes in order and reopens the latest month', async () => {
  const { page } = e;
  page.on('dialog', (d) => void d.accept());
  await createBookInUi(e, '月末测试有限公司', '2026-10');

  // Two months of business written through the core: sales, rent, a CRM schedule not yet run.
  const book = e.harness.session.requireBook();
  book.tx(() => {
    for (const p of ['2026-10', '2026-11']) {
      bookVoucher(book, { date: `${p}-05`, memo: '服务收入', lines: [{ account: '1002', debitFen: 80_000_00 }, { account: '5051', creditFen: 80_000_00 }] });
      bookVoucher(book, { date: `${p}-20`, memo: '房租', lines: [{ account: '560203', debitFen: 12_500_00 }, { account: '1002', creditFen: 12_500_00 }] });
    }
    createSchedule(book, { preset: 'prepaid', name: 'CRM 年费', totalFen: 1_200_00, firstPeriod: '2026-11', periods: 12 });
  });

  await page.getByRole('button', { name: '期间', exact: true }).click();
  // November first: both blockers say why, in order.
  await page.getByTestId('period-2026-11').getByRole('button', { name: '结账', exact: true }).click();
  const check = page.getByTestId('close-check');
  await check.getByTestId('check-closing.earlierOpen').getByText(/2026-10 尚未结账/).waitFor();
  await check.getByTestId('check-closing.plNotTransferred').getByText(/损益尚未结转/).waitFor();
  await check.getByTestId('check-closing.schedulesNotRun').waitFor();
  await e.shot('month-end-01-check-blocked');
  expect(book.sqlite.prepare(`SELECT status FROM period WHERE period = '2026-11'`).pluck().get()).toBe('open');

  // October: 结转损益, its check is clear, 结账.
  await page.getByTestId('period-2026-10').getByRole('button', { name: '结转损益' }).click();
  await page.getByTestId('period-note').getByText('2026-10 结转损益：凭证 记-0003，3 行').waitFor();
  await page.getByTestId('period-2026-10').getByRole('button', { name: '结账检查' }).click();
  await check.getByText('没有阻止结账的问题，可以结账。').waitFor();
  await e.shot('month-end-02-check-ready');
  await page.getByTestId('period-2026-10').getByRole('button', { name: '结账', exact: true }).click();
  await page.getByTestId('period-2026-10').getByText('已结账').waitFor();

  // November: transferred and closed with its warning; the warning's link opens the schedules page.
  await page.getByTestId('period-2026-11').getByRole('button', { name: '结转损益' }).click();
  await page.getByTestId('period-note').getByText(/2026-11 结转损益/).waitFor();
  await page.getByTestId('period-2026-11').getByRole('button', { name: '结账检查' }).click();
  await check.getByTestId('check-closing.schedulesNotRun').getByRole('button').click();
  await page.getByRole('heading', { name: /摊销/ }).first().waitFor();
  await page.getByRole('button', { name: '期间', exact: true }).click();
  await page.getByTestId('period-2026-11').getByRole('button', { name: '结账', exact: true }).click();
  await page.getByTestId('period-2026-11').getByText('已结账').waitFor();
  // 反结账 only on the latest closed month.
  await expect(page.getByTestId('period-2026-10').getByRole('button', { name: '反结账' }).count()).resolves.toBe(0);
  await e.shot('month-end-03-closed');
  await page.getByTestId('period-2026-11').getByRole('button', { name: '反结账' }).click();
  await page.getByPlaceholder('反结账原因（必填，记入审计日志）').fill('补录发票');
  await page.getByTestId('period-2026-11').getByRole('button', { name: '反结账' }).click();
  await page.getByTestId('period-2026-11').getByText('未结账').waitFor();
  await page.getByTestId('period-2026-10').getByRole('button', { name: '反结账' }).waitFor();
  await e.shot('month-end-04-reopened');
  const profit = book.sqlite.prepare(`SELECT SUM(credit_fen - debit_fen) FROM ledger_total WHERE account_code = '3103'`).pluck().get();
  expect(profit).toBe(2 * (80_000_00 - 12_500_00));
});
