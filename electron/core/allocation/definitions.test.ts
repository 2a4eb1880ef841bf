/**
 * Definitions a manager would question: one revenue for the allocation driver and for
 * profitability; client costs apart from everything charged; no growth against months the
 * book does not cover.
 */
import { describe, expect, it } from 'vitest';
import { addCustomer, addEmployee, testBook } from '../../../test/support/book';
import { bookVoucher } from '../ledger/vouchers';
import { postExpense, postRevenue } from './fixture.test-support';
import { AllocInputs } from './inputs';
import { managerRoi, profitability } from './profitability';

function book2() {
  const book = testBook({ firstPeriod: '2026-01' });
  // A revenue-type account that is not operating revenue (the default chart may not carry it).
  book.sqlite.prepare(`INSERT OR IGNORE INTO account (code, name, type, normal_side) VALUES ('5301', '营业外收入', 'revenue', 'credit')`).run();
  const m = addEmployee(book, 'M1', '王经理');
  const c1 = addCustomer(book, 'C001', '甲公司');
  const c2 = addCustomer(book, 'C002', '乙公司');
  book.sqlite.prepare('UPDATE customer SET manager_id = ?').run(m);
  const credit = (date: string, account: string, customerId: number, fen: number) =>
    book.tx(() => bookVoucher(book, { date, memo: '收入', lines: [{ account: '1122', debitFen: fen, customerId }, { account, creditFen: fen, customerId }] }));
  postRevenue(book, '2026-02-10', c1, 1000_00);
  credit('2026-02-11', book.account('otherRevenue'), c2, 500_00); // 其他业务收入: revenue
  credit('2026-02-12', '5301', c1, 9000_00); // 营业外收入: not earned from the customer's business
  postExpense(book, '2026-02-13', book.account('crmExpense'), 300_00, { customerId: c1 }); // a client cost
  postExpense(book, '2026-02-14', book.account('mainCost'), 200_00, { customerId: c1 }); // 主营业务成本
  return { book, c1, c2 };
}

describe('one revenue, client costs, comparable ranges', () => {
  it('counts 主营业务收入 and 其他业务收入 alike in the revenue driver and in profitability, and nothing else', () => {
    const { book, c1, c2 } = book2();
    const driver = new AllocInputs(book, '2026-02').driver('revenue');
    expect([driver.get(c1), driver.get(c2)]).toEqual([1000_00, 500_00]);
    const rows = profitability(book, '2026-02', '2026-02').rows;
    expect(rows.map((r) => [r.code, r.revenueFen])).toEqual([
      ['C001', 1000_00],
      ['C002', 500_00],
    ]);
  });

  it('gives a manager client costs apart from everything charged (主营业务成本 included)', () => {
    const { book } = book2();
    const [m] = managerRoi(book, '2026-02', '2026-02');
    expect(m).toMatchObject({ revenueFen: 1500_00, expenseFen: 500_00, clientCostFen: 300_00 });
    expect(m!.revenuePerClientYuan).toBe(5);
    expect(m!.revenuePerYuan).toBe(3);
  });

  it('shows no growth or retention against a previous range the book does not cover', () => {
    const { book } = book2();
    // 2026-01..02 compares with 2025-11..12: before the book's first period.
    const [early] = managerRoi(book, '2026-01', '2026-02');
    expect(early).toMatchObject({ comparable: false, growth: null, retention: null, previousFrom: '2025-11', previousTo: '2025-12' });
    const [later] = managerRoi(book, '2026-03', '2026-04');
    expect(later).toMatchObject({ comparable: true, previousFrom: '2026-01', previousTo: '2026-02', growth: -1, retention: 0 });
  });
});
