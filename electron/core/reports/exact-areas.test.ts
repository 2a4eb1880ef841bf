/**
 * Issue 16, the remaining areas: claims, allocation pools, profitability, budgets and 首页.
 * Each sums ten lines of the largest admitted amount exactly (9,999,999,999,999,990 fen, past
 * 2^53: a double holds it because it is even) in a real SQLite book; one fen more has no
 * double and is refused with report.sumTooLarge, never a figure a fen off or 内部错误.
 */
import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT_FEN } from '../../../shared/money';
import { UserError } from '../../../shared/errors';
import { message } from '../../../shared/messages/index';
import { addCustomer, addEmployee, testBook } from '../../../test/support/book';
import { testSession } from '../../../test/support/session';
import type { Book } from '../book/book';
import { cockpit } from '../book/cockpit';
import { allBudgets, budgetRow, saveBudget } from '../budgets/budgets';
import { runReport } from './index';
import { saveClaim } from '../claims/edit';
import { bookVoucher } from '../ledger/vouchers';
import { postExpense, postRevenue } from '../allocation/fixture.test-support';
import { profitability } from '../allocation/profitability';
import { saveRule } from '../allocation/rules';
import { runAllocation } from '../allocation/runs';

const TEN = 10n * BigInt(MAX_AMOUNT_FEN);

function refused(run: () => unknown, what: string): void {
  let err: unknown;
  try {
    run();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(UserError);
  expect((err as UserError).code).toBe('report.sumTooLarge');
  expect((err as UserError).params).toMatchObject({ what, sum: '99,999,999,999,999.91' });
}

const travelId = (book: Book) => (book.sqlite.prepare(`SELECT id FROM category WHERE code = 'TRAVEL'`).get() as { id: number }).id;
const clientCost = (book: Book, date: string, fen: number, customerId?: number) =>
  book.tx(() => bookVoucher(book, { date, memo: 'max', lines: [{ account: '56020101', debitFen: fen, categoryId: travelId(book), ...(customerId ? { customerId } : {}) }, { account: '1002', creditFen: fen }] }));

describe('exact sums beyond 2^53 in the remaining areas', () => {
  it('claims: a claim of ten largest lines totals exactly; one fen more is refused', () => {
    const book = testBook({ firstPeriod: '2026-01' });
    book.sqlite.prepare(`UPDATE policy_rule SET active = 0`).run();
    const emp = addEmployee(book, 'E1', '王小明');
    const line = (amountFen: number) => ({ date: '2026-01-10', categoryId: travelId(book), amountFen });
    const lines = Array.from({ length: 10 }, () => line(MAX_AMOUNT_FEN));
    const id = book.tx(() => saveClaim(book, { employeeId: emp, lines }));
    const stored = book.sqlite.prepare(`SELECT total_fen FROM claim WHERE id = ?`).safeIntegers(true).get(id) as { total_fen: bigint };
    expect(stored.total_fen).toBe(TEN);
    // Both ways a claim is written: a new one and an edited draft.
    refused(() => book.tx(() => saveClaim(book, { employeeId: emp, lines: [...lines, line(1)] })), 'claims');
    refused(() => book.tx(() => saveClaim(book, { id, employeeId: emp, lines: [...lines, line(1)] })), 'claims');
    expect(book.sqlite.prepare(`SELECT COUNT(*) FROM claim`).pluck().get()).toBe(1);
  });

  it('allocation pools: a pool of ten largest lines is allocated exactly; one fen more is refused', () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const c1 = addCustomer(book, 'C001', '甲公司');
    const c2 = addCustomer(book, 'C002', '乙公司');
    const rent = book.account('rentExpense');
    for (let i = 0; i < 10; i++) postExpense(book, '2026-05-20', rent, MAX_AMOUNT_FEN);
    book.tx(() => saveRule(book, { seq: 0, name: '房租', method: 'single', accounts: [rent], departmentId: null, driver: 'equal', target: { kind: 'all' }, active: true }));
    const { result } = book.tx(() => runAllocation(book, '2026-05'));
    expect(BigInt(result.pools[0]!.amountFen)).toBe(TEN);
    expect(BigInt(result.pools[0]!.allocatedFen)).toBe(TEN);
    expect(BigInt(result.totalFen)).toBe(TEN);
    // Split equally: 4,999,999,999,999,995 each, below 2^53 again.
    expect(result.pools[0]!.lines.map((l) => [l.customerId, BigInt(l.amountFen)])).toEqual([
      [c1, TEN / 2n],
      [c2, TEN / 2n],
    ]);
    postExpense(book, '2026-05-21', rent, 1);
    refused(() => book.tx(() => runAllocation(book, '2026-05')), 'pool');
  });

  it('profitability: ten largest revenues total exactly per customer and overall; one fen more is refused', () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const c = addCustomer(book, 'C001', '甲公司');
    for (let i = 0; i < 10; i++) postRevenue(book, '2026-04-10', c, MAX_AMOUNT_FEN);
    const { rows, totals } = profitability(book, '2026-04', '2026-04');
    expect(BigInt(rows[0]!.revenueFen)).toBe(TEN);
    expect(BigInt(rows[0]!.profitFen)).toBe(TEN);
    expect(BigInt(totals.revenueFen)).toBe(TEN);
    expect(BigInt(totals.profitFen)).toBe(TEN);
    postRevenue(book, '2026-04-11', c, 1);
    refused(() => profitability(book, '2026-04', '2026-04'), 'profitability');
    refused(() => runReport(book, 'manager-roi', { from: '2026-04', to: '2026-04', filters: {}, locale: 'zh-CN' }), 'profitability');
  });

  it('budgets: actual of ten largest lines is exact; one fen more is refused', () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const dept = Number(book.sqlite.prepare(`INSERT INTO department (code, name, name_key) VALUES ('D1', '销售一部', '销售一部')`).run().lastInsertRowid);
    const clientCost = (date: string, fen: number) =>
      book.tx(() => bookVoucher(book, { date, memo: 'max', lines: [{ account: '56020101', debitFen: fen, departmentId: dept }, { account: '1002', creditFen: fen }] }));
    for (let i = 0; i < 10; i++) clientCost('2026-02-10', MAX_AMOUNT_FEN);
    book.tx(() => saveBudget(book, { name: '部门预算', periodKind: 'month', period: '2026-02', departmentId: dept, amountFen: MAX_AMOUNT_FEN, warnPct: 80, alertPct: 100, hardBlock: false }));
    const b = allBudgets(book)[0]!;
    const row = budgetRow(book, b);
    expect(BigInt(row.actualFen)).toBe(TEN);
    expect(BigInt(row.remainingFen)).toBe(BigInt(MAX_AMOUNT_FEN) - TEN);
    const report = runReport(book, 'budget', { from: '2026-02', to: '2026-02', filters: {}, locale: 'zh-CN' });
    expect(BigInt(report.sections[0]!.totals!.actualFen as number)).toBe(TEN);
    clientCost('2026-02-11', 1);
    refused(() => budgetRow(book, b), 'budgets');
    refused(() => runReport(book, 'budget', { from: '2026-02', to: '2026-02', filters: {}, locale: 'zh-CN' }), 'budgets');
  });

  it('首页: the open month client costs of ten largest lines are exact; one fen more is refused', () => {
    const book = testBook({ firstPeriod: '2026-01' });
    for (let i = 0; i < 10; i++) clientCost(book, '2026-01-10', MAX_AMOUNT_FEN);
    expect(BigInt(cockpit(book).clientCosts.fen)).toBe(TEN);
    clientCost(book, '2026-01-11', 1);
    refused(() => cockpit(book), 'cockpit');
  });

  it('the refusal names what was summed in the UI language', () => {
    const p = { what: 'pool', sum: '99,999,999,999,999.91', limit: '90,071,992,547,409.91' };
    expect(message('zh-CN', 'report.sumTooLarge', p)).toContain('分摊池合计');
    const en = message('en', 'report.sumTooLarge', p);
    expect(en).toContain('The allocation pool total');
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
    expect(message('en', 'report.sumTooLarge', { ...p, what: 'expenses' })).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('sumFen', () => {
  it('is exact across 2^53 both ways, in numbers below it and BigInt past it', async () => {
    const { sumFen } = await import('./exact');
    const safe = Number.MAX_SAFE_INTEGER;
    expect(sumFen([safe - 1, 1], 'pool')).toBe(safe);
    // Past 2^53 and back: 2^53 + 3 has no double, so the float sum comes back a fen off.
    expect(safe + 4 - 4).not.toBe(safe);
    expect(sumFen([safe, 4, -4], 'pool')).toBe(safe);
    // 2^53 + 2 is even: a double holds it exactly.
    expect(BigInt(sumFen([safe, 1, 2], 'pool'))).toBe(BigInt(safe) + 3n);
    expect(() => sumFen([safe, 2], 'pool')).toThrow(expect.objectContaining({ code: 'report.sumTooLarge' }));
    expect(sumFen([-safe, -1, -1, 3], 'pool')).toBe(-safe + 1);
  });
});

describe('through the contract', () => {
  it('首页 past the exact range answers report.sumTooLarge in English, no Chinese, never 内部错误', async () => {
    const { session, call, callErr } = testSession();
    await call('book.create', { path: 'max', company: '测试', firstPeriod: '2026-01' });
    const book = session.book!;
    for (let i = 0; i < 10; i++) clientCost(book, '2026-01-10', MAX_AMOUNT_FEN);
    expect(BigInt((await call('app.cockpit', {})).clientCosts.fen)).toBe(TEN);
    clientCost(book, '2026-01-11', 1);
    session.locale = 'en';
    const err = await callErr('app.cockpit', {});
    expect(err.code).toBe('report.sumTooLarge');
    expect(err.message).toContain('The home page total, 99,999,999,999,999.91 yuan');
    expect(err.message).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
