/**
 * Management reports leave 结转损益 out: expense analysis, allocation pools and drivers,
 * customer profitability, budgets and manager ROI read the same figures before and after
 * the months are transferred. Each figure is one a closing entry would change: a pool on
 * overhead without a customer (credited to zero), revenue and cost drivers by customer,
 * and a client-expense refund (a net credit the closing voucher debits back).
 */
import { describe, expect, it } from 'vitest';
import { testBook } from '../../../test/support/book';
import { buildYear } from '../../../test/support/year';
import { AllocInputs } from '../allocation/inputs';
import { managerRoi, profitability } from '../allocation/profitability';
import { actualFen } from '../budgets/budgets';
import { bookVoucher } from '../ledger/vouchers';
import { expenseData } from '../reports/expenses/facts';
import { transferPl } from './transfer';

describe('management reports ignore closing entries', () => {
  it('reads the same expense analysis, pools, drivers, profitability, budgets and ROI after 结转损益', () => {
    const book = testBook({ firstPeriod: '2025-01' });
    const year = buildYear(book, 2025);
    const gift = `${book.account('clientExpense')}03`;
    // A refund bigger than the month's spend on that customer: a net credit on a client-expense account.
    book.tx(() => bookVoucher(book, { date: '2025-02-20', memo: '礼品退回', lines: [{ account: book.account('bank'), debitFen: 500_00 }, { account: gift, creditFen: 500_00, customerId: year.customers[1]! }] }));
    book.sqlite.prepare('UPDATE customer SET manager_id = ? WHERE id = ?').run(year.employees[0]!, year.customers[0]!);
    const budget = { id: 1, name: 'Q1', period_kind: 'quarter' as const, period: '2025-Q1', employee_id: null, department_id: null, customer_id: null, category_id: null, amount_fen: 1, warn_pct: 80, alert_pct: 100, hard_block: 0, created_at: '', created_by: '' };
    const figures = () => {
      const inputs = new AllocInputs(book, '2025-02');
      return {
        expenses: expenseData(book, '2025-01', '2025-03', {}, 'zh-CN').facts,
        pool: inputs.poolAmount([book.account('adminExpense')], null),
        revenue: [...inputs.driver('revenue')],
        directCost: [...inputs.driver('directCost')],
        profitability: profitability(book, '2025-01', '2025-03'),
        roi: managerRoi(book, '2025-02', '2025-03'),
        budget: actualFen(book, budget),
      };
    };
    const before = figures();
    expect(before.pool).toBeGreaterThan(0);
    expect(before.revenue.length).toBe(3);
    expect(before.budget).toBeGreaterThan(0);
    for (const p of ['2025-01', '2025-02', '2025-03']) book.tx(() => transferPl(book, p));
    // The ledger itself is transferred: the pool's accounts stand at zero for February.
    expect(book.sqlite.prepare(`SELECT SUM(debit_fen - credit_fen) FROM ledger_total WHERE period = '2025-02' AND account_code LIKE ?`).pluck().get(`${book.account('adminExpense')}%`)).toBe(0);
    expect(figures()).toEqual(before);
  });
});
