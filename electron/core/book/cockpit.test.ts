import { describe, expect, it } from 'vitest';
import { addCustomer, addEmployee, testBook } from '../../../test/support/book';
import { saveBudget } from '../budgets/budgets';
import { saveClaim } from '../claims/edit';
import { submitClaim } from '../claims/workflow';
import { bookVoucher, createDraft } from '../ledger/vouchers';
import { createUser } from '../users/users';
import { cockpit } from './cockpit';

describe('首页 cockpit', () => {
  it('shows the open period, its drafts, claims waiting by step, budget alerts and client costs against last month and budget', () => {
    const book = testBook({ firstPeriod: '2026-01' });
    book.sqlite.prepare(`UPDATE policy_rule SET active = 0`).run();
    const c = addCustomer(book, 'C001', '甲公司');
    const emp = addEmployee(book, 'E1', '王小明');
    const dept = Number(book.sqlite.prepare(`INSERT INTO department (code, name, name_key) VALUES ('D1', '销售一部', '销售一部')`).run().lastInsertRowid);
    const cost = (date: string, fen: number, account = '56020102') =>
      book.tx(() => bookVoucher(book, { date, memo: '客户活动', lines: [{ account, debitFen: fen, customerId: c, departmentId: dept }, { account: '1002', creditFen: fen }] }));
    cost('2026-01-10', 40_000_00);
    cost('2026-02-10', 90_000_00);
    cost('2026-02-11', 7_000_00, '560203'); // rent: overhead, not a client cost
    // Closed directly: the close check (P&L transfer and the rest) is not what this test is about.
    book.sqlite.prepare(`UPDATE period SET status = 'closed', closed_at = '2026-02-01T00:00:00Z', closed_by = 'accountant' WHERE period = '2026-01'`).run();
    book.tx(() => createDraft(book, { date: '2026-02-20', memo: '草稿', lines: [{ account: '56020101', debitFen: 100 }, { account: '1002', creditFen: 100 }] }));
    book.tx(() => {
      saveBudget(book, { name: '月度预算', periodKind: 'month', period: '2026-02', departmentId: dept, amountFen: 100_000_00, warnPct: 80, alertPct: 100, hardBlock: false });
      saveBudget(book, { name: '礼品预算', periodKind: 'month', period: '2026-02', employeeId: emp, amountFen: 1_000_00, warnPct: 80, alertPct: 100, hardBlock: false });
      createUser(book, { name: 'wang', role: 'manager', employeeId: emp });
    });
    const travel = (book.sqlite.prepare(`SELECT id FROM category WHERE code = 'TRAVEL'`).get() as { id: number }).id;
    const claim = book.tx(() => saveClaim(book, { employeeId: emp, lines: [{ date: '2026-02-12', categoryId: travel, customerId: c, amountFen: 2_000_00 }] }));
    book.user = 'wang';
    book.tx(() => submitClaim(book, claim, '', 'zh-CN'));
    book.user = 'accountant';

    const k = cockpit(book);
    expect(k).toMatchObject({ openPeriod: '2026-02', draftsInOpenPeriod: 1, draftsTotal: 1 });
    // The open month's 结账检查: P&L not transferred and a draft block it; the pending claim dated in it is a warning.
    expect(k.closeCheck).toEqual({ ok: false, blockers: ['closing.plNotTransferred', 'ledger.draftsInPeriod'], warnings: ['closing.claimsPending'] });
    expect(k.claimsWaiting).toEqual([{ role: 'manager', count: 1, totalFen: 2_000_00 }]);
    // The employee's budget is over (2,000 committed of 1,000); the department's past 80 % (90,000 of 100,000).
    expect(k.budgetAlerts.map((b) => [b.name, b.level])).toEqual([
      ['礼品预算', 'alert'],
      ['月度预算', 'warn'],
    ]);
    expect(k.budgetAlerts[1]!.scope).toBe('销售一部');
    expect(k.clientCosts).toEqual({ period: '2026-02', fen: 90_000_00, lastPeriod: '2026-01', lastFen: 40_000_00, budgetFen: 100_000_00 });
  });
});
