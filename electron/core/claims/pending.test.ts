/**
 * What the claim screen needs before anyone presses a button: whom the claim waits for and
 * whether this user may approve (and why not), the date the accrual will be booked on when
 * its month is closed, budgets told apart by scope; and payment from the chosen account.
 */
import { describe, expect, it } from 'vitest';
import { addCustomer, addEmployee, testBook } from '../../../test/support/book';
import { saveBudget } from '../budgets/budgets';
import { closePeriod } from '../ledger/periods';
import { todayLocal } from '../../../shared/today';
import { createUser } from '../users/users';
import { claimDetail } from './detail';
import { saveClaim } from './edit';
import { approveClaim, payAccounts, payClaim, submitClaim } from './workflow';

function setup() {
  const book = testBook({ standard: 'small', firstPeriod: '2026-01' });
  book.sqlite.prepare(`UPDATE policy_rule SET active = 0 WHERE kind IN ('old_date','weekend','future_date','receipt_required','invoice_required')`).run();
  const dept = (code: string, name: string) => Number(book.sqlite.prepare(`INSERT INTO department (code, name, name_key) VALUES (?, ?, ?)`).run(code, name, name).lastInsertRowid);
  const sales = dept('D1', '销售一部');
  const emp = addEmployee(book, 'E1', '王小明');
  const boss = addEmployee(book, 'E2', '李经理');
  book.sqlite.prepare('UPDATE employee SET department_id = ?, approver_id = ? WHERE id = ?').run(sales, boss, emp);
  const cust = addCustomer(book, 'C001', '甲公司');
  book.tx(() => {
    createUser(book, { name: 'wang', role: 'manager', employeeId: emp });
    createUser(book, { name: 'li', role: 'manager', employeeId: boss });
    createUser(book, { name: 'zhao', role: 'manager' });
  });
  const as = <T>(user: string, fn: () => T): T => {
    book.user = user;
    try {
      return book.tx(fn);
    } finally {
      book.user = 'accountant';
    }
  };
  const travel = (book.sqlite.prepare(`SELECT id FROM category WHERE code = 'TRAVEL'`).get() as { id: number }).id;
  const claim = (date: string, amountFen = 50000) => book.tx(() => saveClaim(book, { employeeId: emp, lines: [{ date, categoryId: travel, customerId: cust, amountFen, invoiceNo: `F${date}${amountFen}` }] }));
  return { book, as, claim, sales, dept, emp };
}

describe('the pending approval as the acting user meets it', () => {
  it('says whom the claim waits for, and why another user may not approve', () => {
    const { book, as, claim } = setup();
    const id = claim('2026-03-10');
    expect(claimDetail(book, id, 'zh-CN').approval).toBeNull();
    as('wang', () => submitClaim(book, id, '', 'zh-CN'));
    book.user = 'zhao';
    const seen = claimDetail(book, id, 'zh-CN').approval!;
    expect(seen).toMatchObject({ role: 'manager', approver: '李经理', mayApprove: false, final: true });
    expect(seen.why).toContain('李经理');
    book.user = 'li';
    expect(claimDetail(book, id, 'en').approval).toMatchObject({ mayApprove: true, why: null, accruals: [{ month: '2026-03', date: '2026-03-10', moved: null }] });
    book.user = 'wang';
    expect(claimDetail(book, id, 'zh-CN').approval!.why).toBe('不能审批自己的报销单');
    book.user = 'accountant';
  });

  it('shows before approving that a closed month books the accrual today', () => {
    const { book, as, claim } = setup();
    const id = claim('2026-01-12');
    book.tx(() => closePeriod(book, '2026-01'));
    as('wang', () => submitClaim(book, id, '', 'zh-CN'));
    book.user = 'li';
    const plan = claimDetail(book, id, 'zh-CN').approval!.accruals;
    expect(plan).toEqual([{ month: '2026-01', date: todayLocal(), moved: 'closed' }]);
    const r = as('li', () => approveClaim(book, id, '', 'zh-CN'));
    expect(r.voucher!.slice(0, 7)).toBe(todayLocal().slice(0, 7));
  });
});

describe('budgets by scope and payment from the chosen account', () => {
  it('names each budget by what it covers', () => {
    const { book, as, claim, sales, emp } = setup();
    book.tx(() => {
      saveBudget(book, { name: '客户费用月度预算', periodKind: 'month', period: '2026-03', departmentId: sales, amountFen: 1_000_000, warnPct: 80, alertPct: 100, hardBlock: false });
      saveBudget(book, { name: '客户费用月度预算', periodKind: 'month', period: '2026-03', employeeId: emp, amountFen: 1_000_000, warnPct: 80, alertPct: 100, hardBlock: false });
    });
    const id = claim('2026-03-10');
    as('wang', () => submitClaim(book, id, '', 'zh-CN'));
    const scopes = claimDetail(book, id, 'zh-CN').budgets.map((b) => b.scope);
    expect(scopes).toHaveLength(2);
    expect(new Set(scopes).size).toBe(2);
    expect(scopes.join('|')).toMatch(/销售一部/);
    expect(scopes.join('|')).toMatch(/王小明/);
  });

  it('pays from a cash or bank leaf on the given date, and refuses any other account', () => {
    const { book, as, claim } = setup();
    expect(payAccounts(book).map((a) => a.code)).toEqual(['1002', '1001']);
    const id = claim('2026-03-10');
    as('wang', () => submitClaim(book, id, '', 'zh-CN'));
    as('li', () => approveClaim(book, id, '', 'zh-CN'));
    expect(() => as('accountant', () => payClaim(book, id, '2026-03-20', '', 'zh-CN', '2241'))).toThrow(expect.objectContaining({ code: 'claims.payAccount' }));
    const paid = as('accountant', () => payClaim(book, id, '2026-03-20', '', 'zh-CN', '1001'));
    expect(paid.voucher).toMatch(/^2026-03 记-/);
    const v = book.sqlite.prepare(`SELECT v.date, l.account_code FROM claim c JOIN voucher v ON v.id = c.settlement_voucher_id JOIN voucher_line l ON l.voucher_id = v.id AND l.credit_fen > 0 WHERE c.id = ?`).get(id);
    expect(v).toEqual({ date: '2026-03-20', account_code: '1001' });
  });
});
