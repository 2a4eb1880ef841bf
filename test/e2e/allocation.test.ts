import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Book } from '../../electron/core/book/book';
import { bookVoucher } from '../../electron/core/ledger/vouchers';
import { profitability } from '../../electron/core/allocation/profitability';
import { saveRule } from '../../electron/core/allocation/rules';
import { addCustomer, addEmployee } from '../support/book';
import { createBookInUi, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.stop();
});

/** Revenue and direct costs for five customers in 2026-10, and uncarried rent and office costs. */
function seed(book: Book) {
  const mgr = addEmployee(book, 'E01', '王经理');
  const names = ['蓝海贸易', '青山科技', '星河物流', '远航电子', '金桥建材'];
  const revenue = [500000_00, 220000_00, 90000_00, 30000_00, 10000_00];
  const direct = [20000_00, 60000_00, 15000_00, 25000_00, 8000_00];
  names.forEach((n, i) => {
    const c = addCustomer(book, `C0${i + 1}`, n, i < 2 ? 'A' : 'B');
    book.sqlite.prepare('UPDATE customer SET manager_id = ? WHERE id = ?').run(mgr, c);
    book.tx(() =>
      bookVoucher(book, {
        date: `2026-10-1${i}`,
        memo: `${n} 收入`,
        lines: [
          { account: '1122', debitFen: revenue[i]!, customerId: c },
          { account: '5001', creditFen: revenue[i]!, customerId: c },
        ],
      }),
    );
    book.tx(() =>
      bookVoucher(book, {
        date: `2026-10-2${i}`,
        memo: `${n} 客户活动`,
        lines: [
          { account: '56020102', debitFen: direct[i]!, customerId: c },
          { account: '1002', creditFen: direct[i]! },
        ],
      }),
    );
  });
  book.tx(() =>
    bookVoucher(book, {
      date: '2026-10-31',
      memo: '10月房租及办公费',
      lines: [
        { account: '560203', debitFen: 120000_00 },
        { account: '560202', debitFen: 33333_33 },
        { account: '1002', creditFen: 153333_33 },
      ],
    }),
  );
}

it('runs an allocation, explains one customer, shows the whale curve, and runs a schedule', async () => {
  const { page } = e;
  const book = await createBookInUi(e, '蓝海贸易（上海）有限公司', '2026-10');
  seed(book);
  // A second rule set to compare with in the what-if.
  book.tx(() => saveRule(book, { seq: 10, name: '房租及办公费', method: 'single', accounts: ['560203', '560202'], departmentId: null, driver: 'equal', target: { kind: 'all' }, active: true }, '平均分配'));

  // A rule through the editor: rent and office costs by revenue to every customer.
  await page.getByRole('button', { name: '成本分配', exact: true }).click();
  await page.getByLabel('期间', { exact: true }).fill('2026-10');
  await page.getByRole('button', { name: '新增规则' }).click();
  const editor = page.getByTestId('rule-editor');
  await editor.getByLabel('分配池名称').fill('房租及办公费');
  await editor.getByLabel('科目（含下级，逗号分隔）').fill('560203, 560202');
  await editor.getByLabel('动因').selectOption('revenue');
  await editor.getByRole('button', { name: '保存' }).click();
  await page.getByTestId('rules-table').getByText('房租及办公费').waitFor();
  await e.shot('alloc-01-rules');

  await page.getByRole('button', { name: '运行分配' }).click();
  const result = page.getByTestId('alloc-result');
  await result.getByText('153,333.33').first().waitFor();
  // The grid's amounts sum to the pool, to the fen (the stored run says so too).
  const run = book.sqlite.prepare('SELECT id, total_fen FROM alloc_run').get() as { id: number; total_fen: number };
  expect(run.total_fen).toBe(153333_33);
  await e.shot('alloc-02-result');

  // One click on a customer: the explanation with pool, driver, value, share and amount.
  await result.locator('.ag-row', { hasText: 'C02 青山科技' }).first().click();
  const panel = page.getByTestId('explain-panel');
  await panel.getByText('房租及办公费').waitFor();
  const expected = book.sqlite.prepare('SELECT amount_fen FROM alloc_line WHERE run_id = ? AND customer_id = (SELECT id FROM customer WHERE code = ?)').get(run.id, 'C02') as { amount_fen: number };
  // 153,333.33 × 220,000 / 850,000 = 39,686.27 (largest remainder, exact).
  expect(expected.amount_fen).toBe(39686_27);
  await expect(panel.getByText('39,686.27').first().isVisible()).resolves.toBe(true);
  await expect(panel.getByText('收入').first().isVisible()).resolves.toBe(true);
  await e.shot('alloc-03-explain');

  // What-if: the saved rules against equal shares, side by side; nothing is stored.
  const whatif = page.getByTestId('whatif');
  await whatif.getByLabel('方案 B').selectOption('平均分配');
  await whatif.getByRole('button', { name: '对比（不过账）' }).click();
  const c01 = whatif.locator('.ag-row', { hasText: '蓝海贸易' }).first();
  await c01.waitFor();
  // 153,333.33 / 5 = 30,666.666: the three leftover fen go to C01–C03 (ties by code).
  await expect(c01.innerText()).resolves.toMatch(/90,196\.08[\s\S]*30,666\.67[\s\S]*-59,529\.41/);
  await expect(whatif.locator('.ag-row', { hasText: '金桥建材' }).first().innerText()).resolves.toContain('30,666.66');
  expect(book.sqlite.prepare('SELECT COUNT(*) AS n FROM alloc_run').get()).toEqual({ n: 1 });
  await whatif.scrollIntoViewIfNeeded();
  await e.shot('alloc-03b-whatif');

  // Post the run as a reclass voucher: numbered after the eleven seeded vouchers.
  await page.getByRole('button', { name: '过账（生成重分类凭证）' }).click();
  await page.getByText('已过账：凭证 2026-10 记-0012').waitFor();

  // Profitability: the whale curve and the table; a click opens the same explanation.
  await page.getByRole('button', { name: '客户盈利', exact: true }).click();
  await page.getByLabel('起始期间').fill('2026-10');
  await page.getByLabel('结束期间').fill('2026-10');
  await page.getByTestId('whale-chart').locator('canvas').waitFor();
  await expect(page.getByRole('img', { name: /鲸鱼曲线/ }).isVisible()).resolves.toBe(true);
  const top = profitability(book, '2026-10', '2026-10').rows[0]!;
  await page.getByTestId('profit-grid').locator('.ag-row', { hasText: top.name }).first().waitFor();
  await e.shot('alloc-04-profitability');
  await page.getByTestId('profit-grid').locator('.ag-row', { hasText: top.name }).first().click();
  await page.getByTestId('explain-panel').getByText('房租及办公费').waitFor();

  // Schedules: a 12-month prepaid CRM fee, run for 2026-10 twice (the second posts nothing).
  await page.getByRole('button', { name: '摊销与递延', exact: true }).click();
  const form = page.getByTestId('schedule-form');
  await form.getByLabel('名称').fill('CRM系统年费');
  await form.getByLabel('总额（元）').fill('12,000.05');
  await form.getByLabel('起始期间').fill('2026-10');
  await form.getByLabel('付款/收款日期').fill('2026-10-08');
  await form.getByRole('button', { name: '创建' }).click();
  await page.getByTestId('schedules-table').getByText('CRM系统年费').waitFor();
  await page.getByLabel('期间', { exact: true }).fill('2026-10');
  await page.getByRole('button', { name: '运行本期摊销' }).click();
  await page.getByText('2026-10：新入账 1 笔，已入账跳过 0 笔').waitFor();
  await page.getByRole('button', { name: '运行本期摊销' }).click();
  await page.getByText('2026-10：新入账 0 笔，已入账跳过 1 笔').waitFor();
  // Management-fee income of 1,000.00 (价税合计): 56.60 销项 at 6%, the revenue 943.40 split 1 : 2 over two lines, exact to the fen.
  const fee = page.getByTestId('fee-income-form');
  await fee.getByLabel('收款日期').fill('2026-10-15');
  await fee.getByLabel('金额（元）').fill('1000');
  await fee.getByLabel('比例 2').fill('2');
  await fee.getByRole('button', { name: '生成凭证' }).click();
  await fee.getByText('已入账，收入各行金额：314.47 / 628.93，销项税额 56.60').waitFor();
  await fee.scrollIntoViewIfNeeded();
  await e.shot('alloc-05-schedules');

  // The same screens in English.
  await page.getByTestId('toggle-language').click();
  await page.getByRole('heading', { name: 'Amortization and deferral' }).waitFor();
  await page.getByRole('button', { name: 'Profitability', exact: true }).click();
  await page.getByRole('img', { name: /Whale curve/ }).waitFor();
  await page.getByRole('columnheader', { name: 'Allocated overhead' }).waitFor();
  await e.shot('alloc-06-profitability-en');
});
