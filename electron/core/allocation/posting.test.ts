import { describe, expect, it } from 'vitest';
import { addCustomer, testBook } from '../../../test/support/book';
import { bookVoucher } from '../ledger/vouchers';
import { setVoucherSettings } from '../ledger/voucher-settings';
import { addDepartment, addStaff, postExpense, postRevenue } from './fixture.test-support';
import type { Rule } from './rules';
import { compute, explain, getRun, listRuns, postRun, runAllocation } from './runs';

const rule = (r: Partial<Rule> & Pick<Rule, 'name' | 'accounts' | 'driver'>): Rule => ({ seq: 0, method: 'single', departmentId: null, target: { kind: 'all' }, active: true, ...r });

type Line = { account_code: string; debit_fen: number; credit_fen: number; customer_id: number | null; department_id: number | null };
const linesOf = (book: ReturnType<typeof testBook>, voucherId: number) =>
  book.sqlite.prepare('SELECT account_code, debit_fen, credit_fen, customer_id, department_id FROM voucher_line WHERE voucher_id = ? ORDER BY line_no').all(voucherId) as Line[];
const net = (ls: Line[], pick: (l: Line) => boolean) => ls.filter(pick).reduce((s, l) => s + l.debit_fen - l.credit_fen, 0);

describe('reclass posting', () => {
  it('step-down: customers carry exactly their run amounts, per department the uncarried cost goes to zero', () => {
    const book = testBook({ firstPeriod: '2026-01' });
    // 收/付/转: the three expenses are 付, the two revenues 转, so the reclass is 转-0003 though sixth in the period.
    book.tx(() => setVoucherSettings(book, { wordSet: '收付转' }));
    const [a, b] = [addCustomer(book, 'C1', '甲'), addCustomer(book, 'C2', '乙')];
    const it = addDepartment(book, 'D1', 'IT', true);
    const sales = addDepartment(book, 'D2', '销售');
    addStaff(book, 'E1', sales);
    postExpense(book, '2026-04-01', '560203', 700_01, { departmentId: it });
    postExpense(book, '2026-04-01', '560202', 33_33, { departmentId: it });
    postExpense(book, '2026-04-01', '560203', 200_00, { departmentId: sales });
    postRevenue(book, '2026-04-02', a, 2_00);
    postRevenue(book, '2026-04-02', b, 1_00);
    const rules = [
      rule({ name: 'IT', method: 'stepdown', departmentId: it, accounts: ['5602'], driver: 'headcount' }),
      rule({ name: '销售', seq: 1, method: 'stepdown', departmentId: sales, accounts: ['5602'], driver: 'revenue' }),
    ];
    const { runId, result } = book.tx(() => runAllocation(book, '2026-04', { rules }));
    expect(result.totalFen).toBe(933_34);
    const { voucherId, voucherNo } = book.tx(() => postRun(book, runId));
    const ls = linesOf(book, voucherId);
    const run = getRun(book, runId);
    expect([voucherNo, run.voucherNo, listRuns(book)[0]!.voucherNo]).toEqual(['2026-04 转-0003', '2026-04 转-0003', '2026-04 转-0003']);
    for (const c of [a, b]) {
      const expected = run.pools.flatMap((p) => p.lines).filter((l) => l.customerId === c).reduce((s, l) => s + l.amountFen, 0);
      expect(net(ls, (l) => l.customer_id === c)).toBe(expected);
    }
    expect(net(ls, (l) => l.customer_id === null)).toBe(-933_34);
    expect(compute(book, '2026-04', rules).pools.map((p) => p.ownFen)).toEqual([0, 0]);
    // The explanation says how much of the sales pool came from IT.
    expect(explain(book, a, '2026-04', '2026-04')).toEqual([expect.objectContaining({ pool: '销售', poolFen: 933_34, receivedFen: 733_34 })]);
  });

  it('a negative pool (a credit balance) posts mirrored lines', () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const [a, b] = [addCustomer(book, 'C1', '甲'), addCustomer(book, 'C2', '乙')];
    // A refund larger than the month's cost: the pool is −50.01.
    book.tx(() => bookVoucher(book, { date: '2026-05-03', memo: '退款', lines: [{ account: '1002', debitFen: 50_01 }, { account: '560203', creditFen: 50_01 }] }));
    const { runId, result } = book.tx(() => runAllocation(book, '2026-05', { rules: [rule({ name: '房租', accounts: ['560203'], driver: 'equal' })] }));
    expect(result.pools[0]!.lines.map((l) => l.amountFen)).toEqual([-25_01, -25_00]);
    const ls = linesOf(book, book.tx(() => postRun(book, runId)).voucherId);
    expect(ls).toEqual([
      { account_code: '560203', debit_fen: 50_01, credit_fen: 0, customer_id: null, department_id: null },
      { account_code: '560203', debit_fen: 0, credit_fen: 25_01, customer_id: a, department_id: null },
      { account_code: '560203', debit_fen: 0, credit_fen: 25_00, customer_id: b, department_id: null },
    ]);
  });

  it('refuses to post when the ledger changed after the run', () => {
    const book = testBook({ firstPeriod: '2026-01' });
    addCustomer(book, 'C1', '甲');
    postExpense(book, '2026-06-01', '560203', 10_00);
    const { runId } = book.tx(() => runAllocation(book, '2026-06', { rules: [rule({ name: '房租', accounts: ['560203'], driver: 'equal' })] }));
    postExpense(book, '2026-06-02', '560203', 1);
    expect(() => book.tx(() => postRun(book, runId))).toThrowError(expect.objectContaining({ code: 'allocation.runStale' }));
  });
});
