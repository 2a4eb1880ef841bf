/**
 * Issue 16 in the ledger: sums at any size the schema admits. Ten lines of the largest amount
 * (9,999,999,999,999.99 yuan) pass 2^53 and must sum exactly; 10,000 of them in one account pass
 * 2^63, where SQLite's SUM() throws "integer overflow" (內部错误 before): the ledger sums in two
 * parts (reports/exact.ts partSums) and answers exactly, or with a typed error in the UI language.
 */
import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT_FEN } from '../../../shared/money';
import { UserError } from '../../../shared/errors';
import { testBook } from '../../../test/support/book';
import { testSession } from '../../../test/support/session';
import type { Book } from '../book/book';
import { runReport } from '../reports/index';
import { sqliteUserError } from '../service/sqlite-errors';
import { balanceSheet } from '../statements/compute';
import { detailPage } from './lines';
import { pageVouchers, voucherDto } from './read';
import { trialBalance } from './trial-balance';
import { bookVoucher } from './vouchers';
import { setAccountActive } from '../accounts/edit';

const TEN = 10 * MAX_AMOUNT_FEN; // 9,999,999,999,999,990: a double holds it (it is even), past 2^53
const tenExact = 10n * BigInt(MAX_AMOUNT_FEN);

/** `n` debit lines of `fen` on 1002 in `period`, five a voucher against 3001 (each voucher's total stays small). */
function postMany(book: Book, period: string, n: number, fen: number): void {
  book.tx(() => {
    for (let i = 0; i < n; i += 5) {
      const k = Math.min(5, n - i);
      bookVoucher(book, { date: `${period}-05`, memo: 'max', lines: [...Array.from({ length: k }, () => ({ account: '1002', debitFen: fen })), ...Array.from({ length: k }, () => ({ account: '3001', creditFen: fen }))] });
    }
  });
}

function thrown(run: () => unknown): UserError {
  try {
    run();
  } catch (e) {
    if (e instanceof UserError) return e;
    const mapped = sqliteUserError(e);
    if (mapped) return mapped;
    throw e;
  }
  throw new Error('expected an error');
}

describe('ledger sums past 2^53', () => {
  it('ten lines of the largest amount: the detail ledger, its 本月合计/本年累计, one voucher, the list and the balance sheet are exact', () => {
    const book = testBook({ firstPeriod: '2026-01' });
    expect(Number.isSafeInteger(TEN)).toBe(false);
    // One voucher of ten debit lines (its total past 2^53) and ten of one line each.
    const big = book.tx(() => bookVoucher(book, { date: '2026-01-05', memo: 'ten', lines: [...Array.from({ length: 10 }, () => ({ account: '1002', debitFen: MAX_AMOUNT_FEN })), ...Array.from({ length: 10 }, () => ({ account: '3001', creditFen: MAX_AMOUNT_FEN }))] }));
    expect(BigInt(voucherDto(book, big.id).debitFen)).toBe(tenExact);
    expect(BigInt(pageVouchers(book, { limit: 10 }).rows[0]!.debitFen)).toBe(tenExact);
    // The detail ledger's running balance crosses 2^53 at the 10th line: exact at every line.
    const page = detailPage(book, { account: '1002', from: '2026-01', to: '2026-01', limit: 100 });
    expect(page.rows.map((r) => BigInt(r.balanceFen ?? 0))).toEqual([0n, ...Array.from({ length: 10 }, (_, i) => BigInt(i + 1) * BigInt(MAX_AMOUNT_FEN))]);
    // Paged three at a time, the cursor carries the exact balance.
    const paged: bigint[] = [];
    for (let after: string | null = null, first = true; first || after; first = false) {
      const p = detailPage(book, { account: '1002', from: '2026-01', to: '2026-01', after, limit: 3 });
      paged.push(...p.rows.map((r) => BigInt(r.balanceFen ?? 0)));
      after = p.next;
    }
    expect(paged.at(-1)).toBe(tenExact);
    const ledger = runReport(book, 'detail-ledger', { from: '2026-01', to: '2026-01', filters: { account: '1002' }, locale: 'zh-CN' }).sections[0]!;
    const month = ledger.rows.find((r) => r.kind === 'month')!;
    const year = ledger.rows.find((r) => r.kind === 'year')!;
    expect([month.debitFen, month.balanceFen, year.debitFen]).toEqual([TEN, TEN, TEN]);
    expect(BigInt(month.debitFen as number)).toBe(tenExact);
    expect(BigInt(ledger.totals!.debitFen as number)).toBe(tenExact);
    // February opens with the exact balance (ledger_total read in parts) and its 本年累计 counts January.
    book.tx(() => bookVoucher(book, { date: '2026-02-03', memo: 'one', lines: [{ account: '1002', debitFen: 2 }, { account: '3001', creditFen: 2 }] }));
    const feb = runReport(book, 'detail-ledger', { from: '2026-02', to: '2026-02', filters: { account: '1002' }, locale: 'zh-CN' }).sections[0]!;
    expect(BigInt(feb.rows[0]!.balanceFen as number)).toBe(tenExact);
    expect(BigInt(feb.rows.find((r) => r.kind === 'year')!.debitFen as number)).toBe(tenExact + 2n);
    // 资产总计 = 负债和所有者权益总计 = the exact sum.
    const bs = balanceSheet(book, '2026-02');
    expect(bs.totals.assets.map(BigInt)[0]).toBe(tenExact + 2n);
    expect(bs.balanced).toBe(true);
  });

  // Nine of the largest amount and 7,199,254,741,002 fen make 2^53 + 1, which no double holds: a double sum rounds it
  // to 2^53, and adding 1 more stays 2^53 (ties to even), two fen short of the true 2^53 + 2.
  const passing = [...Array.from({ length: 9 }, () => MAX_AMOUNT_FEN), 7_199_254_741_002, 1];
  const exactTotal = 2n ** 53n + 2n;

  it('a sum passing through a value no double holds: an unbalanced voucher is refused, the journal total is exact', () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const debits = passing.map((fen) => ({ account: '1002', debitFen: fen }));
    // Credits of 2^53: the double sums of both sides agree, the true ones differ by 2 fen.
    const credits = [...Array.from({ length: 9 }, () => ({ account: '3001', creditFen: MAX_AMOUNT_FEN })), { account: '3001', creditFen: 7_199_254_741_001 }];
    const e = thrown(() => book.tx(() => bookVoucher(book, { date: '2026-01-05', memo: 'off', lines: [...debits, ...credits] })));
    expect([e.code, e.params.difference]).toEqual(['ledger.unbalanced', 2]);
    credits.push({ account: '3001', creditFen: 2 });
    const v = book.tx(() => bookVoucher(book, { date: '2026-01-05', memo: 'even', lines: [...debits, ...credits] }));
    expect(BigInt(voucherDto(book, v.id).debitFen)).toBe(exactTotal);
    const journal = runReport(book, 'journal', { from: '2026-01', to: '2026-01', filters: {}, locale: 'zh-CN' }).sections[0]!;
    expect([BigInt(journal.totals!.debitFen as number), BigInt(journal.totals!.creditFen as number)]).toEqual([exactTotal, exactTotal]);
    expect(BigInt(trialBalance(book, '2026-01', '2026-01').totals.debitFen)).toBe(exactTotal);
  });

  it('refuses what no double holds, typed, naming the account and the report', () => {
    const book = testBook({ firstPeriod: '2026-01' });
    postMany(book, '2026-01', 10, MAX_AMOUNT_FEN);
    book.tx(() => bookVoucher(book, { date: '2026-01-06', memo: 'one', lines: [{ account: '1002', debitFen: 1 }, { account: '3001', creditFen: 1 }] }));
    // 9,999,999,999,999,991 fen is odd: past 2^53 a double cannot say it.
    const e = thrown(() => detailPage(book, { account: '1002', from: '2026-01', to: '2026-01', limit: 100 }));
    expect([e.code, e.params.what, e.params.account, e.params.sum]).toEqual(['report.sumTooLarge', 'detailLedger', '1002', '99,999,999,999,999.91']);
    expect(thrown(() => balanceSheet(book, '2026-01')).code).toBe('report.sumTooLarge');
    expect(thrown(() => trialBalance(book, '2026-01', '2026-01')).params).toMatchObject({ what: 'trialBalance', account: '1002' });
  });
});

// Posting 10,000 real lines takes ~10 s of CPU; on the shared 2-core machine a minute or more of wall time.
describe('ledger sums past 2^63 (10,000 lines of the largest amount in one account)', { timeout: 240_000 }, () => {
  // Past 2^63 doubles are 2,048 apart: an amount that is a multiple of 2,048 keeps every sum of it exactly a double,
  // so the ledger must answer with the figure; SUM() alone would throw at the 9,224th line.
  const round = Math.floor(MAX_AMOUNT_FEN / 2048) * 2048;

  it('sums exactly across months in the trial balance, the detail ledger and the balance sheet', () => {
    const book = testBook({ firstPeriod: '2026-01' });
    postMany(book, '2026-01', 5_000, round);
    postMany(book, '2026-02', 5_000, round);
    const total = 10_000n * BigInt(round);
    expect(total > 2n ** 63n).toBe(true);
    const tb = trialBalance(book, '2026-01', '2026-02');
    const bank = tb.rows.find((r) => r.code === '1002')!;
    expect([BigInt(bank.debitFen), BigInt(bank.closingFen), BigInt(tb.totals.debitFen)]).toEqual([total, total, total]);
    // Opening of March read from ledger_total: two month rows of 5,000 lines each, past 2^63 together.
    expect(BigInt(trialBalance(book, '2026-03', '2026-03').rows.find((r) => r.code === '1002')!.openingFen)).toBe(total);
    expect(BigInt(detailPage(book, { account: '1002', from: '2026-03', to: '2026-03', limit: 10 }).rows[0]!.balanceFen!)).toBe(total);
    const ledger = runReport(book, 'detail-ledger', { from: '2026-02', to: '2026-02', filters: { account: '1002' }, locale: 'zh-CN' }).sections[0]!;
    expect(BigInt(ledger.rows.find((r) => r.kind === 'year')!.debitFen as number)).toBe(total);
    expect(BigInt(ledger.totals!.balanceFen as number)).toBe(total);
    expect(BigInt(balanceSheet(book, '2026-02').totals.assets[0])).toBe(total);
    // Deactivating 1002 sums its balance past 2^63 too: refused for the balance it has, stated exactly.
    const e = thrown(() => setAccountActive(book, '1002', false));
    expect([e.code, e.params.balance]).toEqual(['masters.accountHasBalance', '99,999,999,999,795,200.00']);
  });

  it('the largest amount: the report is refused typed in English through the contract; past int64 in one month the posting is refused typed', async () => {
    const { session, call, callErr } = testSession();
    await call('book.create', { path: 'max', company: '测试', firstPeriod: '2026-01' });
    const book = session.book!;
    postMany(book, '2026-01', 5_000, MAX_AMOUNT_FEN);
    postMany(book, '2026-02', 5_000, MAX_AMOUNT_FEN);
    session.locale = 'en';
    for (const [channel, args] of [
      ['ledger.trialBalance', { from: '2026-01', to: '2026-02' }],
      ['ledger.detailPage', { account: '1002', from: '2026-03', to: '2026-03', limit: 10 }],
      ['reports.run', { name: 'balance-sheet', from: '2026-02', to: '2026-02', filters: {} }],
    ] as const) {
      const err = await callErr(channel as never, args as never);
      expect(err.code, channel).toBe('report.sumTooLarge');
      expect(err.message).toMatch(/^The [a-z ]+ total( of account 1002)?, 99,999,999,999,999,900\.00 yuan, is beyond/);
      expect(err.message).not.toMatch(/[\u4e00-\u9fff]/);
    }
    // One account-month holds at most 2^63 − 1 fen (ledger_total is STRICT INTEGER): the 9,224th line of the largest amount is refused, nothing posted.
    const before = book.sqlite.prepare(`SELECT COUNT(*) FROM voucher_line WHERE posted = 1`).pluck().get();
    const e = thrown(() => postMany(book, '2026-02', 4_225, MAX_AMOUNT_FEN));
    expect([e.code, e.params.side]).toEqual(['db.ledgerTotalTooLarge', 'debit']);
    expect(book.sqlite.prepare(`SELECT COUNT(*) FROM voucher_line WHERE posted = 1`).pluck().get()).toBe(before);
  });
});
