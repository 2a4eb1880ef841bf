import { describe, expect, it } from 'vitest';
import { addCustomer, addEmployee, testBook } from '../../../test/support/book';
import type { Book } from '../book/book';
import type { Standard } from '../accounts/default-chart';
import { saveBudget } from '../budgets/budgets';
import { createUser } from '../users/users';
import { bookVoucher } from '../ledger/vouchers';
import { setVoucherSettings } from '../ledger/voucher-settings';
import { claimDetail } from './detail';
import { saveClaim } from './edit';
import { approveClaim, payClaim, rejectClaim, submitClaim } from './workflow';

const catId = (book: Book, code: string) => (book.sqlite.prepare('SELECT id FROM category WHERE code = ?').get(code) as { id: number }).id;

/** A book with an employee (王经理, a manager user), a second manager, an accountant and an admin. */
function setup(standard: Standard = 'small') {
  const book = testBook({ standard, firstPeriod: '2026-01' });
  // Defaults would flag weekend/old dates depending on today's date; these tests are about the workflow.
  book.sqlite.prepare(`UPDATE policy_rule SET active = 0 WHERE kind IN ('old_date','weekend','future_date','receipt_required','invoice_required')`).run();
  const dept = Number(book.sqlite.prepare(`INSERT INTO department (code, name, name_key) VALUES ('D1', '销售部', '销售部')`).run().lastInsertRowid);
  const emp = addEmployee(book, 'E1', '王经理');
  book.sqlite.prepare('UPDATE employee SET department_id = ? WHERE id = ?').run(dept, emp);
  const cust = addCustomer(book, 'C1', '甲公司');
  book.tx(() => {
    createUser(book, { name: 'wang', role: 'manager', employeeId: emp });
    createUser(book, { name: 'li', role: 'manager' });
    createUser(book, { name: 'zhao', role: 'approver' });
  });
  const as = <T>(user: string, fn: () => T): T => {
    book.user = user;
    try {
      return book.tx(fn);
    } finally {
      book.user = 'accountant';
    }
  };
  const claim = (amounts: number[], tax = 0, date = '2026-03-10') =>
    book.tx(() =>
      saveClaim(book, {
        employeeId: emp,
        title: '三月拜访',
        lines: amounts.map((a, i) => ({ date, categoryId: catId(book, i % 2 ? 'LODGING' : 'TRAVEL'), customerId: cust, amountFen: a, taxFen: i === 0 ? tax : 0, ...(i === 0 && tax ? { invoiceType: '增值税专用发票' } : {}), invoiceNo: `INV${a}-${i}` })),
      }),
    );
  return { book, emp, cust, dept, as, claim };
}

const status = (book: Book, id: number) => (book.sqlite.prepare('SELECT status FROM claim WHERE id = ?').get(id) as { status: string }).status;
const linesOf = (book: Book, voucherId: number) =>
  book.sqlite.prepare('SELECT account_code, debit_fen, credit_fen, customer_id, employee_id, department_id, category_id FROM voucher_line WHERE voucher_id = ? ORDER BY line_no').all(voucherId) as {
    account_code: string;
    debit_fen: number;
    credit_fen: number;
    customer_id: number | null;
    employee_id: number | null;
    department_id: number | null;
    category_id: number | null;
  }[];

describe('approval chain by amount', () => {
  it("the manager step belongs to the approver on the claimant's employee record", () => {
    const { book, emp, as, claim } = setup();
    const lead = addEmployee(book, 'E9', '李主管');
    book.sqlite.prepare('UPDATE employee SET approver_id = ? WHERE id = ?').run(lead, emp);
    book.tx(() => createUser(book, { name: 'lead', role: 'manager', employeeId: lead }));
    const id = claim([10_000]);
    as('wang', () => submitClaim(book, id, '', 'zh-CN'));
    expect(() => as('li', () => approveClaim(book, id, '', 'zh-CN'))).toThrow(expect.objectContaining({ code: 'claims.notTheApprover' }));
    as('lead', () => approveClaim(book, id, '同意', 'zh-CN'));
    expect(status(book, id)).toBe('approved');
  });


  it('up to 2,000.00 needs only the manager; one fen more adds finance', () => {
    const { book, as, claim } = setup();
    const small = claim([200000]);
    as('wang', () => submitClaim(book, small, '', 'zh-CN'));
    const r = as('li', () => approveClaim(book, small, '同意', 'zh-CN'));
    expect(r.voucher).toMatch(/^2026-03 记-\d{4}$/);
    expect(status(book, small)).toBe('approved');

    const bigger = claim([200001]);
    as('wang', () => submitClaim(book, bigger, '', 'zh-CN'));
    expect(as('li', () => approveClaim(book, bigger, '', 'zh-CN')).voucher).toBeNull();
    expect(status(book, bigger)).toBe('submitted');
    expect(claimDetail(book, bigger, 'zh-CN').chain.map((c) => [c.role, c.state])).toEqual([
      ['manager', 'done'],
      ['finance', 'pending'],
    ]);
    // A manager cannot approve the finance step; the same person cannot approve twice.
    expect(() => as('zhao', () => approveClaim(book, bigger, '', 'zh-CN'))).toThrow(expect.objectContaining({ code: 'claims.wrongRole' }));
    expect(as('accountant', () => approveClaim(book, bigger, '', 'zh-CN')).voucher).not.toBeNull();
    expect(status(book, bigger)).toBe('approved');
  });

  it('above 10,000.00 needs manager, finance and the general manager, in order', () => {
    const { book, as, claim } = setup();
    const id = claim([600000, 400001]);
    as('wang', () => submitClaim(book, id, '', 'zh-CN'));
    expect(() => as('admin', () => approveClaim(book, id, '', 'zh-CN'))).not.toThrow(); // admin may take the manager step
    expect(() => as('admin', () => approveClaim(book, id, '', 'zh-CN'))).toThrow(expect.objectContaining({ code: 'claims.sameApprover' }));
    as('accountant', () => approveClaim(book, id, '', 'zh-CN'));
    expect(() => as('li', () => approveClaim(book, id, '', 'zh-CN'))).toThrow(expect.objectContaining({ code: 'claims.wrongRole' }));
    expect(status(book, id)).toBe('submitted');
    const steps = claimDetail(book, id, 'zh-CN').steps.map((s) => [s.action, s.role, s.user]);
    expect(steps).toEqual([
      ['submit', 'manager', 'wang'],
      ['approve', 'manager', 'admin'],
      ['approve', 'finance', 'accountant'],
    ]);
  });

  it('nobody approves their own claim', () => {
    const { book, as, claim } = setup();
    const id = claim([10000]);
    as('wang', () => submitClaim(book, id, '', 'zh-CN'));
    expect(() => as('wang', () => approveClaim(book, id, '', 'zh-CN'))).toThrow(expect.objectContaining({ code: 'claims.selfApproval' }));
    expect(status(book, id)).toBe('submitted');
  });

  it('rejection returns the claim to draft with the reason; it can be fixed, resubmitted and the chain starts again', () => {
    const { book, as, claim, emp, cust } = setup();
    const id = claim([300000]);
    as('wang', () => submitClaim(book, id, '', 'zh-CN'));
    as('li', () => approveClaim(book, id, '', 'zh-CN'));
    expect(() => as('li', () => rejectClaim(book, id, '  ', 'zh-CN'))).toThrow(expect.objectContaining({ code: 'claims.reasonRequired' }));
    as('accountant', () => rejectClaim(book, id, '缺少发票', 'zh-CN'));
    const d = claimDetail(book, id, 'zh-CN');
    expect(d.status).toBe('draft');
    expect(d.rejectReason).toBe('缺少发票');
    expect(d.chain.every((c) => c.state === 'waiting')).toBe(true);
    book.tx(() => saveClaim(book, { id, employeeId: emp, lines: [{ date: '2026-03-10', categoryId: catId(book, 'TRAVEL'), customerId: cust, amountFen: 150000, invoiceNo: 'FIXED1' }] }));
    as('wang', () => submitClaim(book, id, '已补发票', 'zh-CN'));
    expect(claimDetail(book, id, 'zh-CN').rejectReason).toBeNull();
    expect(as('li', () => approveClaim(book, id, '', 'zh-CN')).voucher).not.toBeNull();
    expect(claimDetail(book, id, 'zh-CN').steps.map((s) => s.action)).toEqual(['submit', 'approve', 'reject', 'submit', 'approve']);
  });

  it('a policy block stops submission with the reason; warnings do not', () => {
    const { book, as, emp } = setup();
    const id = book.tx(() => saveClaim(book, { employeeId: emp, lines: [{ date: '2026-03-10', categoryId: catId(book, 'TRAVEL'), amountFen: 100 }] }));
    expect(() => as('wang', () => submitClaim(book, id, '', 'zh-CN'))).toThrow(expect.objectContaining({ code: 'claims.policyBlock' }));
    expect(status(book, id)).toBe('draft');
    const meals = book.tx(() => saveClaim(book, { employeeId: emp, lines: [{ date: '2026-03-10', categoryId: catId(book, 'MEALS'), amountFen: 30001 }] }));
    const r = as('wang', () => submitClaim(book, meals, '', 'en'));
    expect(r.warnings.join()).toContain('over the cap');
    expect(status(book, meals)).toBe('submitted');
    // A rule that became a block since submission stops the approval too, with the reason.
    book.sqlite.prepare(`UPDATE policy_rule SET action = 'block' WHERE kind = 'item_cap' AND category_code = 'MEALS'`).run();
    expect(() => as('li', () => approveClaim(book, meals, '', 'zh-CN'))).toThrow(expect.objectContaining({ code: 'claims.policyBlock', params: expect.objectContaining({ reasons: expect.stringContaining('300.00') }) }));
    expect(status(book, meals)).toBe('submitted');
  });
});

describe.each(['small', 'enterprise'] as const)('vouchers of a claim (%s standard)', (standard) => {
  it('approval posts the accrual on the category accounts with customer, employee, department and deductible VAT; payment settles it', () => {
    const { book, as, claim, emp, cust, dept } = setup(standard);
    const id = claim([106000, 50000], 6000);
    as('wang', () => submitClaim(book, id, '', 'zh-CN'));
    as('li', () => approveClaim(book, id, '', 'zh-CN'));
    const c = book.sqlite.prepare('SELECT accrual_voucher_id AS a FROM claim WHERE id = ?').get(id) as { a: number };
    const lines = linesOf(book, c.a);
    const p = standard === 'small' ? '56' : '66';
    expect(lines).toEqual([
      { account_code: `${p}020101`, debit_fen: 100000, credit_fen: 0, customer_id: cust, employee_id: emp, department_id: dept, category_id: catId(book, 'TRAVEL') },
      { account_code: `${p}020101`, debit_fen: 50000, credit_fen: 0, customer_id: cust, employee_id: emp, department_id: dept, category_id: catId(book, 'LODGING') },
      { account_code: '222101', debit_fen: 6000, credit_fen: 0, customer_id: null, employee_id: emp, department_id: null, category_id: null },
      { account_code: '2241', debit_fen: 0, credit_fen: 156000, customer_id: null, employee_id: emp, department_id: dept, category_id: null },
    ]);
    expect(() => as('wang', () => payClaim(book, id, '2026-03-25', '', 'zh-CN'))).toThrow(expect.objectContaining({ code: 'claims.payRole' }));
    const paid = as('accountant', () => payClaim(book, id, '2026-03-25', '', 'zh-CN'));
    expect(paid.voucher).toMatch(/^2026-03 记-/);
    const s = book.sqlite.prepare('SELECT settlement_voucher_id AS v FROM claim WHERE id = ?').get(id) as { v: number };
    expect(linesOf(book, s.v).map((l) => [l.account_code, l.debit_fen, l.credit_fen, l.employee_id])).toEqual([
      ['2241', 156000, 0, emp],
      ['1002', 0, 156000, null],
    ]);
    // Both balance; 2241 for the employee nets to zero once paid.
    const tot = book.sqlite.prepare(`SELECT SUM(debit_fen) d, SUM(credit_fen) c FROM voucher_line WHERE posted = 1`).get() as { d: number; c: number };
    expect(tot.d).toBe(tot.c);
    const payable = book.sqlite.prepare(`SELECT SUM(credit_fen - debit_fen) n FROM voucher_line WHERE account_code = '2241' AND employee_id = ?`).get(emp) as { n: number };
    expect(payable.n).toBe(0);
    expect(status(book, id)).toBe('paid');
  });
});

describe('the claim cites its vouchers by their real 凭证字号', () => {
  it('in a 收/付/转 book the accrual is 转-0001 and the payment 付-0001, not the posting sequence', () => {
    const { book, as, claim } = setup();
    book.tx(() => setVoucherSettings(book, { wordSet: '收付转' }));
    // A receipt first, so each 字's own number differs from the period's posting sequence (number 1 is 收-0001).
    book.tx(() => bookVoucher(book, { date: '2026-03-01', memo: '存现', lines: [{ account: '1002', debitFen: 500 }, { account: '1001', creditFen: 500 }] }));
    const id = claim([10_000]);
    as('wang', () => submitClaim(book, id, '', 'zh-CN'));
    const approved = as('li', () => approveClaim(book, id, '', 'zh-CN'));
    expect(approved.voucher).toBe('2026-03 转-0001');
    const paid = as('accountant', () => payClaim(book, id, '2026-03-25', '', 'zh-CN'));
    expect(paid.voucher).toBe('2026-03 付-0001');
    const numbers = book.sqlite.prepare(`SELECT word, word_no, number FROM voucher WHERE source_type = 'claim' ORDER BY id`).all();
    expect(numbers).toEqual([
      { word: '转', word_no: 1, number: 2 },
      { word: '付', word_no: 1, number: 3 },
    ]);
    const d = claimDetail(book, id, 'zh-CN');
    expect([d.accrualVoucher, d.settlementVoucher]).toEqual(['2026-03 转-0001', '2026-03 付-0001']);
  });
});

describe('a claim spanning months', () => {
  it('accrues each month on its own voucher, so monthly budgets see their own actuals', () => {
    const { book, as, emp, cust } = setup();
    book.tx(() => saveBudget(book, { periodKind: 'month', period: '2026-02', employeeId: emp, amountFen: 100000, warnPct: 80, alertPct: 100, hardBlock: false }));
    const id = book.tx(() =>
      saveClaim(book, {
        employeeId: emp,
        lines: [
          { date: '2026-02-27', categoryId: catId(book, 'TRAVEL'), customerId: cust, amountFen: 30000, invoiceNo: 'F1' },
          { date: '2026-03-02', categoryId: catId(book, 'TRAVEL'), customerId: cust, amountFen: 50000, invoiceNo: 'F2' },
        ],
      }),
    );
    as('wang', () => submitClaim(book, id, '', 'zh-CN'));
    const r = as('li', () => approveClaim(book, id, '', 'zh-CN'));
    expect(r.voucher).toMatch(/^2026-02 记-\d{4}, 2026-03 记-\d{4}$/);
    const vouchers = book.sqlite.prepare(`SELECT date, (SELECT SUM(credit_fen) FROM voucher_line WHERE voucher_id = v.id) AS c FROM voucher v WHERE source_type = 'claim' AND source_id = ? ORDER BY id`).all(id);
    expect(vouchers).toEqual([
      { date: '2026-02-27', c: 30000 },
      { date: '2026-03-02', c: 50000 },
    ]);
    expect(claimDetail(book, id, 'zh-CN').budgets[0]).toMatchObject({ period: '2026-02', actualFen: 30000, committedFen: 0 });
    // Paying settles the whole claim at once.
    as('accountant', () => payClaim(book, id, '2026-03-20', '', 'zh-CN'));
    const payable = book.sqlite.prepare(`SELECT SUM(credit_fen - debit_fen) n FROM voucher_line WHERE account_code = '2241'`).get() as { n: number };
    expect(payable.n).toBe(0);
  });
});

describe('budgets at submit and approve', () => {
  it('counts committed claims, warns at 80 %, alerts at 100 %, and a hard budget blocks an approval past 100 %', () => {
    const { book, as, claim, emp } = setup();
    const budget = (hard: boolean) =>
      book.tx(() => saveBudget(book, { periodKind: 'month', period: '2026-03', employeeId: emp, amountFen: 1000000, warnPct: 80, alertPct: 100, hardBlock: hard }));
    const b = budget(false);
    expect(b.level).toBe('ok');
    const a = claim([790000]);
    expect(claimDetail(book, a, 'zh-CN').budgets[0]).toMatchObject({ projectedFen: 790000, level: 'ok', committedFen: 0 });
    as('wang', () => submitClaim(book, a, '', 'zh-CN'));
    const second = claim([10000]);
    // 790,000 committed + 10,000 = 80 % exactly: warn.
    expect(claimDetail(book, second, 'zh-CN').budgets[0]).toMatchObject({ committedFen: 790000, projectedFen: 800000, level: 'warn' });
    const r = as('wang', () => submitClaim(book, second, '', 'zh-CN'));
    expect(r.warnings.some((w) => w.includes('80%'))).toBe(true);
    const third = claim([199999]);
    expect(claimDetail(book, third, 'zh-CN').budgets[0]).toMatchObject({ projectedFen: 999999, level: 'warn' });
    const fourth = claim([200000]);
    expect(claimDetail(book, fourth, 'zh-CN').budgets[0]).toMatchObject({ projectedFen: 1000000, level: 'alert' });
    // Posting moves the amount from committed to actual.
    as('li', () => approveClaim(book, a, '', 'zh-CN'));
    as('accountant', () => approveClaim(book, a, '', 'zh-CN'));
    expect(claimDetail(book, fourth, 'zh-CN').budgets[0]).toMatchObject({ actualFen: 790000, committedFen: 10000, projectedFen: 1000000 });
    // Hard block: approving past 100 % is refused, exactly 100 % is not.
    book.sqlite.prepare('UPDATE budget SET hard_block = 1 WHERE id = ?').run(b.id);
    const over = claim([200001]);
    as('wang', () => submitClaim(book, over, '', 'zh-CN')); // submit only warns
    expect(() => as('li', () => approveClaim(book, over, '', 'zh-CN'))).toThrow(expect.objectContaining({ code: 'claims.budgetBlock' }));
    as('li', () => rejectClaim(book, over, '超预算', 'zh-CN'));
    as('wang', () => submitClaim(book, fourth, '', 'zh-CN'));
    expect(() => as('li', () => approveClaim(book, fourth, '', 'zh-CN'))).not.toThrow();
  });
});

describe('configurable approval chain', () => {
  it('a new chain changes the steps a claim needs; thresholds must start at 0 and increase', async () => {
    const { book, as, claim } = setup();
    const { setChain, requiredLevels } = await import('./chain');
    expect(() => book.tx(() => setChain(book, [{ role: 'manager', aboveFen: 100 }]))).toThrow(expect.objectContaining({ code: 'approval.badChain' }));
    expect(() => book.tx(() => setChain(book, [{ role: 'manager', aboveFen: 0 }, { role: 'gm', aboveFen: 0 }]))).toThrow(expect.objectContaining({ code: 'approval.badChain' }));
    book.tx(() => setChain(book, [{ role: 'manager', aboveFen: 0 }, { role: 'gm', aboveFen: 50000 }]));
    expect(requiredLevels(book, 50000).map((l) => l.role)).toEqual(['manager']);
    expect(requiredLevels(book, 50001).map((l) => l.role)).toEqual(['manager', 'gm']);
    const id = claim([50001]);
    as('wang', () => submitClaim(book, id, '', 'zh-CN'));
    as('li', () => approveClaim(book, id, '', 'zh-CN'));
    expect(() => as('accountant', () => approveClaim(book, id, '', 'zh-CN'))).toThrow(expect.objectContaining({ code: 'claims.wrongRole' }));
    expect(as('admin', () => approveClaim(book, id, '', 'zh-CN')).voucher).not.toBeNull();
  });
});
