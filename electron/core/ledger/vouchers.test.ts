import { describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/errors';
import { addCustomer, addEmployee, testBook } from '../../../test/support/book';
import { checkBook } from '../book/check';
import { closePeriod, reopenPeriod } from './periods';
import { bookVoucher, bookVoucherFromQuery, createDraft, reverseVoucher } from './vouchers';

const code = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserError) return e.code;
    throw e;
  }
  return 'no error';
};

describe('vouchers', () => {
  it('posts a balanced voucher with gapless numbers per period', () => {
    const book = testBook();
    const emp = addEmployee(book, 'E01', '张三');
    const cust = addCustomer(book, 'C01', '蓝海');
    const input = (date: string) => ({
      date,
      memo: '拜访客户',
      lines: [
        { account: '56020101', debitFen: 12345, customerId: cust, employeeId: emp },
        { account: '2241', creditFen: 12345, employeeId: emp },
      ],
    });
    const a = book.tx(() => bookVoucher(book, input('2026-03-05')));
    const b = book.tx(() => bookVoucher(book, input('2026-03-06')));
    const c = book.tx(() => bookVoucher(book, input('2026-04-01')));
    expect([a.number, b.number, c.number]).toEqual([1, 2, 1]);
    expect(checkBook(book)).toMatchObject({ ok: true });
  });

  it('refuses each broken rule with its own message', () => {
    const book = testBook();
    const emp = addEmployee(book, 'E01', '张三');
    const ok = { account: '2241', creditFen: 100, employeeId: emp };
    const tryIt = (lines: object[], date = '2026-02-01') => code(() => book.tx(() => createDraft(book, { date, lines: lines as never })));
    expect(tryIt([ok])).toBe('ledger.tooFewLines');
    expect(tryIt([{ account: '1002', debitFen: 99 }, ok])).toBe('ledger.unbalanced');
    expect(tryIt([{ account: '5602', debitFen: 100 }, ok])).toBe('ledger.notLeaf');
    expect(tryIt([{ account: '9999', debitFen: 100 }, ok])).toBe('ledger.unknownAccount');
    expect(tryIt([{ account: '1002', debitFen: 100, creditFen: 100 }, ok])).toBe('ledger.lineOneSide');
    expect(tryIt([{ account: '1002', debitFen: -100 }, { account: '2241', creditFen: -100, employeeId: emp }])).toBe('ledger.negativeAmount');
    expect(tryIt([{ account: '1002', debitFen: 100 }, { account: '2241', creditFen: 100 }])).toBe('ledger.dimensionRequired');
    expect(tryIt([{ account: '1002', debitFen: 100 }, ok], '2025-12-31')).toBe('ledger.beforeFirstPeriod');
    expect(tryIt([{ account: '1002', debitFen: 100 }, ok], '2026-02-30')).toBe('ledger.badDate');
    expect(book.sqlite.prepare('SELECT COUNT(*) AS n FROM voucher').get()).toEqual({ n: 0 });
  });

  it('reverses a posted voucher with negated lines, once', () => {
    const book = testBook();
    const v = book.tx(() => bookVoucher(book, { date: '2026-01-10', lines: [{ account: '1002', debitFen: 500 }, { account: '3001', creditFen: 500 }] }));
    const r = book.tx(() => reverseVoucher(book, v.id));
    expect(r.number).toBe(2);
    const sums = book.sqlite.prepare(`SELECT account_code, SUM(debit_fen) d, SUM(credit_fen) c FROM voucher_line WHERE posted = 1 GROUP BY account_code`).all();
    expect(sums).toEqual([
      { account_code: '1002', d: 0, c: 0 },
      { account_code: '3001', d: 0, c: 0 },
    ]);
    expect(code(() => book.tx(() => reverseVoucher(book, v.id)))).toBe('ledger.alreadyReversed');
    expect(code(() => book.tx(() => reverseVoucher(book, r.id)))).toBe('ledger.reverseReversal');
  });

  it('refuses writes into a closed period in the core and in the database', () => {
    const book = testBook();
    const v = book.tx(() => bookVoucher(book, { date: '2026-01-10', lines: [{ account: '1002', debitFen: 500 }, { account: '3001', creditFen: 500 }] }));
    book.tx(() => closePeriod(book, '2026-01'));
    expect(code(() => book.tx(() => bookVoucher(book, { date: '2026-01-11', lines: [{ account: '1002', debitFen: 1 }, { account: '3001', creditFen: 1 }] })))).toBe('ledger.periodClosed');
    expect(() => book.sqlite.prepare(`INSERT INTO voucher (period, date, created_at, created_by) VALUES ('2026-01', '2026-01-12', 'x', 'x')`).run()).toThrow(/period closed/);
    expect(() => book.sqlite.prepare(`UPDATE voucher_line SET memo = 'x' WHERE voucher_id = ?`).run(v.id)).toThrow(/period closed|immutable/);
    book.tx(() => reopenPeriod(book, '2026-01', '补录'));
    expect(book.sqlite.prepare(`SELECT action FROM audit_log WHERE entity = 'period' ORDER BY id`).all()).toEqual([{ action: 'period.close' }, { action: 'period.reopen' }]);
  });

  it('posts lines a query computes with the rules checked on what it wrote, and writes nothing for no rows', () => {
    const book = testBook();
    // line_no, account, debit, credit as VALUES rows; memo and dimensions fixed.
    const lines = (rows: string) =>
      `SELECT column1 AS line_no, column2 AS account_code, column3 AS debit_fen, column4 AS credit_fen, 'q' AS memo, NULL AS customer_id, NULL AS employee_id, NULL AS department_id, NULL AS category_id FROM (VALUES ${rows})`;
    const post = (rows: string) => code(() => book.tx(() => bookVoucherFromQuery(book, { date: '2026-01-10', memo: 'q' }, lines(rows), [])));
    expect(post(`(1, '3001', 100, 0), (2, '3001', 0, 99)`)).toBe('ledger.unbalanced');
    expect(post(`(1, '3001', 100, 0)`)).toBe('ledger.tooFewLines');
    expect(post(`(1, '3001', -100, 0), (2, '3001', 0, -100)`)).toBe('ledger.negativeAmount');
    expect(post(`(1, '5602', 100, 0), (2, '3001', 0, 100)`)).toBe('ledger.notLeaf');
    expect(() => book.tx(() => bookVoucherFromQuery(book, { date: '2026-01-10' }, lines(`(1, '1002', 100, 0), (2, '3001', 0, 100)`), []))).toThrow(/cash or bank/);
    expect(book.tx(() => bookVoucherFromQuery(book, { date: '2026-01-10' }, `${lines(`(1, '3001', 1, 0)`)} WHERE 0`, []))).toBeNull();
    expect(book.sqlite.prepare('SELECT COUNT(*) FROM voucher').pluck().get()).toBe(0);
    const v = book.tx(() => bookVoucherFromQuery(book, { date: '2026-01-10', memo: 'q' }, lines(`(1, '3001', 100, 0), (2, '3103', 0, 100)`), []));
    expect(v).toMatchObject({ number: 1, no: '记-0001', cited: '2026-01 记-0001', lines: 2 });
    expect(book.sqlite.prepare('SELECT account_code, debit_fen, credit_fen FROM ledger_total ORDER BY account_code').all()).toEqual([
      { account_code: '3001', debit_fen: 100, credit_fen: 0 },
      { account_code: '3103', debit_fen: 0, credit_fen: 100 },
    ]);
    expect(checkBook(book)).toMatchObject({ ok: true });
  });

  it('detects a posted line edited behind the app', () => {
    const book = testBook();
    book.tx(() => bookVoucher(book, { date: '2026-01-10', lines: [{ account: '1002', debitFen: 500 }, { account: '3001', creditFen: 500 }] }));
    book.sqlite.exec('DROP TRIGGER tr_line_posted_upd');
    book.sqlite.prepare(`UPDATE voucher_line SET debit_fen = 400 WHERE account_code = '1002'`).run();
    book.sqlite.prepare(`UPDATE voucher_line SET credit_fen = 400 WHERE account_code = '3001'`).run();
    const report = checkBook(book);
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => f.message).join()).toContain('记-0001: content differs');
  });
});
