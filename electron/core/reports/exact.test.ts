/**
 * Issue 16: sums beyond 2^53 fen. Ten lines of the largest admitted amount are summed exactly
 * in the client-expense report (not only the trial balance); a sum no double can hold is
 * refused, typed, never shown a fen off; an amount above the bound is refused at the contract.
 */
import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT_FEN } from '../../../shared/money';
import { testBook } from '../../../test/support/book';
import { testSession } from '../../../test/support/session';
import { bookVoucher } from '../ledger/vouchers';
import { runReport } from './index';
import { UserError } from '../../../shared/errors';

describe('exact report sums', () => {
  it('ten lines of the largest amount sum exactly in the expense report; one fen more cannot be stated and is refused', () => {
    const book = testBook();
    const travel = (book.sqlite.prepare(`SELECT id FROM category WHERE code = 'TRAVEL'`).get() as { id: number }).id;
    const post = (date: string, fen: number) =>
      book.tx(() => bookVoucher(book, { date, memo: 'max', lines: [{ account: '56020101', debitFen: fen, categoryId: travel }, { account: '1002', creditFen: fen }] }));
    for (let i = 0; i < 10; i++) post('2026-01-10', MAX_AMOUNT_FEN);
    const r = runReport(book, 'expense-by-category', { from: '2026-01', to: '2026-01', filters: {}, locale: 'zh-CN' });
    const row = r.sections[0]!.rows.find((x) => x.category === '差旅费')!;
    // 9,999,999,999,999,990 fen: past 2^53, held exactly by a double (it is even).
    expect(BigInt(row['2026-01'] as number)).toBe(10n * BigInt(MAX_AMOUNT_FEN));
    expect(BigInt(row.totalFen as number)).toBe(10n * BigInt(MAX_AMOUNT_FEN));

    // One fen more in February: 9,999,999,999,999,991 has no double; a float sum said …992.
    post('2026-02-10', 1);
    let err: unknown;
    try {
      runReport(book, 'expense-by-category', { from: '2026-01', to: '2026-02', filters: {}, locale: 'zh-CN' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).code).toBe('report.sumTooLarge');
    expect((err as UserError).params).toMatchObject({ sum: '99,999,999,999,999.91' });
    expect(() => runReport(book, 'expense-by-customer', { from: '2026-01', to: '2026-02', filters: {}, locale: 'zh-CN' })).toThrow(UserError);
  });

  it('the contract refuses an amount above the largest, naming the field: 金额超出范围', async () => {
    const { call, callErr } = testSession();
    await call('book.create', { path: 'max', company: '测试', firstPeriod: '2026-01' });
    const line = (fen: number) => [{ account: '1001', debitFen: fen }, { account: '1002', creditFen: fen }];
    const err = await callErr('vouchers.save', { date: '2026-01-05', lines: line(MAX_AMOUNT_FEN + 1) });
    expect(err.code).toBe('payload.invalid');
    expect(err.message).toContain('金额超出范围');
    const ok = await call('vouchers.save', { date: '2026-01-05', lines: line(MAX_AMOUNT_FEN) });
    expect(ok.lines).toHaveLength(2);
  });
});
