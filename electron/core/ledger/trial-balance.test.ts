/** 科目余额表 on a small book whose figures are computed by hand below. */
import { describe, expect, it } from 'vitest';
import { addCustomer, addEmployee, testBook } from '../../../test/support/book';
import { runReport } from '../reports/index';
import { chineseTrialBalance, trialBalance } from './trial-balance';
import { bookVoucher, reverseVoucher } from './vouchers';

function handBook() {
  const book = testBook();
  const emp = addEmployee(book, 'E01', '张三');
  const c1 = addCustomer(book, 'C01', '蓝海');
  const c2 = addCustomer(book, 'C02', '青山');
  const post = (date: string, lines: object[]) => book.tx(() => bookVoucher(book, { date, memo: 'm', lines: lines as never }));
  post('2026-01-03', [{ account: '1002', debitFen: 100000 }, { account: '3001', creditFen: 100000 }]);
  post('2026-01-20', [{ account: '56020101', debitFen: 12345, customerId: c1, employeeId: emp }, { account: '2241', creditFen: 12345, employeeId: emp }]);
  post('2026-02-02', [{ account: '2241', debitFen: 12345, employeeId: emp }, { account: '1002', creditFen: 12345 }]);
  post('2026-02-10', [{ account: '560202', debitFen: 5000 }, { account: '1001', creditFen: 5000 }]);
  post('2026-02-15', [{ account: '56020102', debitFen: 20000, customerId: c2 }, { account: '1002', creditFen: 20000 }]);
  // Posted and reversed in March (红字冲销).
  const wrong = post('2026-03-01', [{ account: '560203', debitFen: 777 }, { account: '1002', creditFen: 777 }]);
  book.tx(() => reverseVoucher(book, wrong.id));
  return { book, c2 };
}

const row = (code: string, name: string, openingFen: number, debitFen: number, creditFen: number, closingFen: number) => ({ code, name, openingFen, debitFen, creditFen, closingFen });

describe('trial balance', () => {
  it('gives opening, period movements and closing per account, parents rolled up', () => {
    const { book } = handBook();
    expect(trialBalance(book, '2026-02', '2026-02')).toEqual({
      rows: [
        row('1001', '库存现金', 0, 0, 5000, -5000),
        row('1002', '银行存款', 100000, 0, 32345, 67655),
        row('2241', '其他应付款', -12345, 12345, 0, 0),
        row('3001', '实收资本', -100000, 0, 0, -100000),
        row('5602', '管理费用', 12345, 25000, 0, 37345),
        row('560201', '客户管理费', 12345, 20000, 0, 32345),
        row('56020101', '拜访差旅', 12345, 0, 0, 12345),
        row('56020102', '客户活动', 0, 20000, 0, 20000),
        row('560202', '办公费', 0, 5000, 0, 5000),
      ],
      totals: { debitFen: 37345, creditFen: 37345 },
    });
  });

  it('filters by level and by dimension, and nets a red-ink reversal out in its own column', () => {
    const { book, c2 } = handBook();
    expect(trialBalance(book, '2026-01', '2026-02', { level: 1 }).rows.map((r) => r.code)).toEqual(['1001', '1002', '2241', '3001', '5602']);
    expect(trialBalance(book, '2026-01', '2026-03', { customerId: c2 })).toEqual({
      rows: [row('5602', '管理费用', 0, 20000, 0, 20000), row('560201', '客户管理费', 0, 20000, 0, 20000), row('56020102', '客户活动', 0, 20000, 0, 20000)],
      totals: { debitFen: 20000, creditFen: 0 },
    });
    const march = trialBalance(book, '2026-03', '2026-03');
    // 红字: the reversal's negative debit sits in the debit column, so the month nets to nothing.
    expect(march.rows.find((r) => r.code === '560203')).toBeUndefined();
    expect(march.totals).toEqual({ debitFen: 0, creditFen: 0 });
  });

  it('is what the report module and the detail ledger say', () => {
    const { book } = handBook();
    const tb = runReport(book, 'trial-balance', { from: '2026-02', to: '2026-02', filters: {}, locale: 'zh-CN' }).sections[0]!;
    // The Chinese layout (issue 15): each balance in its 借方 or 贷方 column, 本年累计 beside 本期.
    expect(tb.columns.map((c) => c.key)).toEqual(['code', 'name', 'openingDebitFen', 'openingCreditFen', 'debitFen', 'creditFen', 'ytdDebitFen', 'ytdCreditFen', 'closingDebitFen', 'closingCreditFen']);
    expect(tb.totals).toEqual({
      debitFen: 37345,
      creditFen: 37345,
      openingDebitFen: 112345,
      openingCreditFen: 112345,
      ytdDebitFen: 149690,
      ytdCreditFen: 149690,
      closingDebitFen: 105000,
      closingCreditFen: 105000,
    });
    // Signed balances stay on every row beside the split ones (scripts read them).
    expect(tb.rows.find((r) => r.code === '1001')).toMatchObject({ openingFen: 0, closingFen: -5000, closingDebitFen: 0, closingCreditFen: 5000, ytdCreditFen: 5000 });
    const detail = runReport(book, 'detail-ledger', { from: '2026-02', to: '2026-02', filters: { account: '5602' }, locale: 'zh-CN' }).sections[0]!;
    expect(detail.rows.map((r) => [r.no, r.debitFen, r.balanceFen])).toEqual([
      ['', null, 12345],
      ['记-0002', 5000, 17345],
      ['记-0003', 20000, 37345],
      // 本月合计 and 本年累计 (January's 12,345 counted in) close the month (issue 15).
      ['', 25000, 37345],
      ['', 37345, 37345],
    ]);
    expect(detail.rows.slice(-2).map((r) => [r.memo, r.creditFen])).toEqual([
      ['本月合计', 0],
      ['本年累计', 0],
    ]);
    const journal = runReport(book, 'journal', { from: '2026-03', to: '2026-03', filters: {}, locale: 'en' }).sections[0]!;
    expect(journal.rows.map((r) => r.debitFen)).toEqual([777, 0, -777, 0]);
  });

  it('明细账 closes each month with 本月合计 and 本年累计; 科目余额表 by level keeps the split columns', () => {
    const { book } = handBook();
    const detail = runReport(book, 'detail-ledger', { from: '2026-01', to: '2026-02', filters: { account: '5602' }, locale: 'zh-CN' }).sections[0]!;
    expect(detail.rows.map((r) => [r.memo === 'm' ? r.no : r.memo, r.debitFen, r.balanceFen])).toEqual([
      ['期初余额', null, 0],
      ['记-0002', 12345, 12345],
      ['本月合计', 12345, 12345],
      ['本年累计', 12345, 12345],
      ['记-0002', 5000, 17345],
      ['记-0003', 20000, 37345],
      ['本月合计', 25000, 37345],
      ['本年累计', 37345, 37345],
    ]);
    const tb = runReport(book, 'trial-balance', { from: '2026-02', to: '2026-02', filters: { level: 1 }, locale: 'zh-CN' }).sections[0]!;
    expect(tb.rows.map((r) => [r.code, r.openingDebitFen, r.openingCreditFen, r.closingDebitFen, r.closingCreditFen])).toEqual([
      ['1001', 0, 0, 0, 5000],
      ['1002', 100000, 0, 67655, 0],
      ['2241', 0, 12345, 0, 0],
      ['3001', 0, 100000, 0, 100000],
      ['5602', 12345, 0, 37345, 0],
    ]);
  });

  it('sums 10 rows of the largest amount (9,999,999,999,999.99 yuan) exactly to the fen, and refuses a sum it cannot state exactly (issue 16)', () => {
    const book = testBook();
    const max = 999_999_999_999_999;
    const post = () => book.tx(() => bookVoucher(book, { date: '2026-01-05', memo: 'm', lines: [{ account: '1002', debitFen: max }, { account: '3001', creditFen: max }] }));
    for (let i = 0; i < 10; i++) post();
    // 9,999,999,999,999,990 fen is past 2^53 (9,007,199,254,740,992): summed in doubles it is off by a fen.
    const total = 9_999_999_999_999_990;
    expect(trialBalance(book, '2026-01', '2026-01')).toEqual({
      rows: [row('1002', '银行存款', 0, total, 0, total), row('3001', '实收资本', 0, 0, total, -total)],
      totals: { debitFen: total, creditFen: total },
    });
    const tb = runReport(book, 'trial-balance', { from: '2026-01', to: '2026-01', filters: {}, locale: 'zh-CN' }).sections[0]!;
    expect(tb.rows.filter((r) => r.code === '1002' || r.code === '3001').map((r) => [r.code, r.closingDebitFen, r.closingCreditFen, r.ytdDebitFen])).toEqual([
      ['1002', total, 0, total],
      ['3001', 0, total, 0],
    ]);
    // An 11th: 10,999,999,999,999,989 fen has no exact double. A typed error naming the limit, never a wrong figure.
    post();
    expect(() => trialBalance(book, '2026-01', '2026-01')).toThrow(expect.objectContaining({ name: 'UserError', code: 'report.sumTooLarge' }));
  });

  it('hides accounts without balance or movement in the range, or lists the whole chart (the 账簿 page switch)', () => {
    const book = testBook({ firstPeriod: '2026-01' });
    // January: 提现 moves cash and bank both ways and back, so February has neither balance nor movement on them, only a year-to-date one.
    book.tx(() => bookVoucher(book, { date: '2026-01-05', lines: [{ account: '1001', debitFen: 100 }, { account: '1002', creditFen: 100 }] }));
    book.tx(() => bookVoucher(book, { date: '2026-01-06', lines: [{ account: '1002', debitFen: 100 }, { account: '1001', creditFen: 100 }] }));
    book.tx(() => bookVoucher(book, { date: '2026-02-03', lines: [{ account: '1002', debitFen: 500 }, { account: '3001', creditFen: 500 }] }));
    const codes = (zero?: 'hide' | 'show', level?: number) => chineseTrialBalance(book, '2026-02', '2026-02', level ? { level } : {}, zero ? { zero } : {}).rows.map((r) => r.code);
    expect(codes()).toEqual(['1001', '1002', '3001']);
    expect(codes('hide')).toEqual(['1002', '3001']);
    const all = codes('show', 1);
    expect(all).toEqual((book.sqlite.prepare(`SELECT code FROM account WHERE length(code) = 4 ORDER BY code`).pluck().all() as string[]));
    const cash = chineseTrialBalance(book, '2026-02', '2026-02', {}, { zero: 'show' }).rows.find((r) => r.code === '1001')!;
    expect([cash.openingDebitFen, cash.debitFen, cash.ytdDebitFen, cash.ytdCreditFen, cash.closingDebitFen]).toEqual([0, 0, 100, 100, 0]);
  });
});
