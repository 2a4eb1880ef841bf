/**
 * 结账检查's blockers, each built the way a book can get there: P&L cleared on the account
 * but not per customer, 本年利润 left in December, a trial balance or a balance sheet out of
 * balance, vouchers not posted; and the allocation warning. (Earlier-open and P&L-left are in
 * guards.test.ts and test/integration/month-end.test.ts; claims pending in cockpit.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { addCustomer, testBook } from '../../../test/support/book';
import { saveRule } from '../allocation/rules';
import { closePeriod } from '../ledger/periods';
import { bookVoucher, createDraft } from '../ledger/vouchers';
import { closeCheck } from './check';
import { transferPl } from './transfer';

const codes = (c: { blockers: { code: string }[] }) => c.blockers.map((b) => b.code);

describe('结账检查 blockers', () => {
  it('blocks a P&L account at zero whose customers still hold balances, until 结转损益 moves them', () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const c1 = addCustomer(book, 'C1', '甲公司');
    const c2 = addCustomer(book, 'C2', '乙公司');
    const revenue = book.account('mainRevenue');
    // Revenue of C1, and a credit note keyed to the wrong customer (C2): the account nets to zero, neither customer does.
    book.tx(() => bookVoucher(book, { date: '2026-01-10', lines: [{ account: book.account('receivable'), debitFen: 800_00, customerId: c1 }, { account: revenue, creditFen: 800_00, customerId: c1 }] }));
    book.tx(() => bookVoucher(book, { date: '2026-01-20', memo: '销售退回', lines: [{ account: revenue, debitFen: 800_00, customerId: c2 }, { account: book.account('receivable'), creditFen: 800_00, customerId: c2 }] }));
    expect(book.sqlite.prepare(`SELECT SUM(debit_fen - credit_fen) FROM ledger_total WHERE account_code = ?`).pluck().get(revenue)).toBe(0);
    const check = closeCheck(book, '2026-01');
    expect(codes(check)).toEqual(['closing.plDimensionsNotTransferred']);
    expect(check.blockers[0]!.params).toEqual({ period: '2026-01', count: 1, groups: 2 });
    expect(() => book.tx(() => closePeriod(book, '2026-01'))).toThrow(expect.objectContaining({ code: 'closing.plDimensionsNotTransferred' }));
    const t = book.tx(() => transferPl(book, '2026-01'));
    expect(t.lines).toBe(2);
    expect(codes(closeCheck(book, '2026-01'))).toEqual([]);
    book.tx(() => closePeriod(book, '2026-01'));
  });

  it('blocks December until 本年利润 is moved to 未分配利润', () => {
    const book = testBook({ firstPeriod: '2025-12' });
    book.tx(() => bookVoucher(book, { date: '2025-12-10', lines: [{ account: book.account('bank'), debitFen: 99_00 }, { account: book.account('currentYearProfit'), creditFen: 99_00 }] }));
    const check = closeCheck(book, '2025-12');
    expect(codes(check)).toEqual(['closing.profitNotCarried']);
    expect(check.blockers[0]!.params).toEqual({ period: '2025-12', amount: 99_00 });
    book.tx(() => transferPl(book, '2025-12'));
    expect(codes(closeCheck(book, '2025-12'))).toEqual([]);
  });

  it('blocks vouchers not yet posted', () => {
    const book = testBook({ firstPeriod: '2026-01' });
    book.tx(() => createDraft(book, { date: '2026-01-10', lines: [{ account: book.account('bank'), debitFen: 1_00 }, { account: book.account('paidInCapital'), creditFen: 1_00 }] }));
    const check = closeCheck(book, '2026-01');
    expect(codes(check)).toEqual(['ledger.draftsInPeriod']);
    expect(check.blockers[0]).toMatchObject({ params: { period: '2026-01', count: 1 }, link: 'vouchers' });
  });

  it('blocks a trial balance out of balance (a line written past the app)', () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const s = book.sqlite;
    // A writer that skips the core: a posted line on its own, no counter-entry (the triggers count it into ledger_total).
    const v = Number(s.prepare(`INSERT INTO voucher (period, date, status, memo, created_at, created_by, word) VALUES ('2026-01', '2026-01-05', 'draft', '', 'x', 'x', '记')`).run().lastInsertRowid);
    s.prepare(`INSERT INTO voucher_line (voucher_id, line_no, period, posted, account_code, debit_fen, credit_fen) VALUES (?, 1, '2026-01', 1, ?, 500, 0)`).run(v, book.account('bank'));
    const check = closeCheck(book, '2026-01');
    expect(codes(check)).toContain('closing.trialBalanceOff');
    expect(check.blockers.find((b) => b.code === 'closing.trialBalanceOff')!.params).toEqual({ debit: 500, credit: 0 });
  });

  it('blocks a balance sheet where 资产总计 ≠ 负债和所有者权益总计 (an account the statutory mapping does not know)', () => {
    const book = testBook({ firstPeriod: '2026-01' });
    // A first-level asset account no line item of 会小企01表 reads (a chart brought from another program).
    book.tx(() => book.sqlite.prepare(`INSERT INTO account (code, name, parent_code, type, normal_side) VALUES ('1999', '外来科目', NULL, 'asset', 'debit')`).run());
    book.tx(() => bookVoucher(book, { date: '2026-01-05', lines: [{ account: '1999', debitFen: 700_00 }, { account: book.account('paidInCapital'), creditFen: 700_00 }] }));
    const check = closeCheck(book, '2026-01');
    expect(codes(check)).toEqual(['closing.balanceSheetOff']);
    expect(check.blockers[0]).toMatchObject({ params: { assets: 0, liabilitiesEquity: 700_00 }, link: 'reports' });
    expect(() => book.tx(() => closePeriod(book, '2026-01'))).toThrow(expect.objectContaining({ code: 'closing.balanceSheetOff' }));
  });

  it('warns when allocation rules exist and the month has no run', () => {
    const book = testBook({ firstPeriod: '2026-01' });
    addCustomer(book, 'C1', '甲公司');
    book.tx(() => saveRule(book, { seq: 1, name: '办公费平均', method: 'single', accounts: [book.account('officeExpense')], departmentId: null, driver: 'equal', target: { kind: 'all' }, active: true }));
    const check = closeCheck(book, '2026-01');
    expect(check.blockers).toEqual([]);
    expect(check.warnings.map((w) => w.code)).toEqual(['closing.allocationNotRun']);
  });
});
