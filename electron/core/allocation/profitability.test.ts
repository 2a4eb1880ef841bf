import { describe, expect, it } from 'vitest';
import { addCustomer, addEmployee, testBook } from '../../../test/support/book';
import { managerRoi, previousRange, profitability } from './profitability';
import { saveRule } from './rules';
import { postRun, runAllocation } from './runs';
import { postExpense, postRevenue } from './fixture.test-support';


/** Figures in whole yuan below; the book holds fen. */
function handBook() {
  const book = testBook({ firstPeriod: '2026-01' });
  const m1 = addEmployee(book, 'M1', '王经理');
  const m2 = addEmployee(book, 'M2', '李经理');
  const c1 = addCustomer(book, 'C001', '甲公司');
  const c2 = addCustomer(book, 'C002', '乙公司');
  const c3 = addCustomer(book, 'C003', '丙公司');
  const c4 = addCustomer(book, 'C004', '丁公司');
  const setManager = book.sqlite.prepare('UPDATE customer SET manager_id = ? WHERE id = ?');
  setManager.run(m1, c1);
  setManager.run(m1, c2);
  setManager.run(m2, c3);
  const crm = book.account('crmExpense');
  const rent = book.account('rentExpense');
  // Previous range (Jan–Mar).
  postRevenue(book, '2026-02-10', c1, 400_00);
  postRevenue(book, '2026-03-10', c3, 100_00);
  postRevenue(book, '2026-01-10', c4, 50_00);
  // Current range (Apr–Jun).
  postRevenue(book, '2026-04-10', c1, 1000_00);
  postExpense(book, '2026-04-11', crm, 200_00, { customerId: c1 });
  postRevenue(book, '2026-05-10', c2, 500_00);
  postExpense(book, '2026-05-11', crm, 600_00, { customerId: c2 });
  postRevenue(book, '2026-06-10', c3, 300_00);
  postExpense(book, '2026-05-20', rent, 300_00);
  // A first run by revenue (all of May's pool to 乙), superseded by an equal-share run.
  const id = book.tx(() => saveRule(book, { seq: 0, name: '房租', method: 'single', accounts: [rent], departmentId: null, driver: 'revenue', target: { kind: 'all' }, active: true }));
  book.tx(() => runAllocation(book, '2026-05'));
  book.tx(() => saveRule(book, { id, seq: 0, name: '房租', method: 'single', accounts: [rent], departmentId: null, driver: 'equal', target: { kind: 'all' }, active: true }));
  const { runId } = book.tx(() => runAllocation(book, '2026-05'));
  return { book, c1, c2, c3, c4, m1, m2, runId };
}

describe('customer profitability', () => {
  it('revenue − direct cost − allocated overhead, rank, classes and the whale curve, by hand', () => {
    const { book, runId } = handBook();
    const check = () => {
      const { rows, totals } = profitability(book, '2026-04', '2026-06');
      expect(rows.map((r) => [r.code, r.revenueFen, r.directCostFen, r.allocatedFen, r.profitFen, r.rank, r.profitClass])).toEqual([
        ['C001', 1000_00, 200_00, 75_00, 725_00, 1, 'high'],
        ['C003', 300_00, 0, 75_00, 225_00, 2, 'high'],
        ['C004', 0, 0, 75_00, -75_00, 3, 'loss'],
        ['C002', 500_00, 600_00, 75_00, -175_00, 4, 'loss'],
      ]);
      expect(totals).toEqual({ revenueFen: 1800_00, directCostFen: 800_00, allocatedFen: 300_00, profitFen: 700_00 });
      expect(rows[0]!.margin).toBeCloseTo(0.725, 12);
      expect(rows[2]!.margin).toBeNull();
      expect(rows.map((r) => r.cumulativeShare)).toEqual([725 / 700, 950 / 700, 875 / 700, 1]);
    };
    check();
    // Posting the run as a reclass voucher must not count the overhead twice.
    book.tx(() => postRun(book, runId));
    check();
  });

  it('per account manager: expense, revenue, growth, retention, revenue per yuan', () => {
    const { book, m1, m2 } = handBook();
    expect(previousRange('2026-04', '2026-06')).toEqual({ from: '2026-01', to: '2026-03' });
    const rows = managerRoi(book, '2026-04', '2026-06');
    expect(rows.map((r) => [r.managerId, r.customers, r.revenueFen, r.expenseFen, r.previousRevenueFen, r.retained, r.previousCustomers])).toEqual([
      [m1, 2, 1500_00, 950_00, 400_00, 1, 1],
      [m2, 1, 300_00, 75_00, 100_00, 1, 1],
      [null, 1, 0, 75_00, 50_00, 0, 1],
    ]);
    expect(rows.map((r) => [r.growth, r.retention, r.revenuePerYuan])).toEqual([
      [1100 / 400, 1, 1500 / 950],
      [2, 1, 4],
      [-1, 0, 0],
    ]);
  });
});
