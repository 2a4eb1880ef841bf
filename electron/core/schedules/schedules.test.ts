import { describe, expect, it } from 'vitest';
import { addCustomer, testBook } from '../../../test/support/book';
import { closePeriod } from '../ledger/periods';
import { bookFeeIncome } from './fee-income';
import { createSchedule, getSchedule, listSchedules, runSchedules } from './schedules';

const lines = (book: ReturnType<typeof testBook>, voucherId: number) =>
  book.sqlite.prepare('SELECT account_code AS account, debit_fen AS d, credit_fen AS c, customer_id AS customer FROM voucher_line WHERE voucher_id = ? ORDER BY line_no').all(voucherId);

describe('amortization schedules', () => {
  it('prepaid ≤ 12 months uses 预付账款, books the payment, and the last month takes the remainder', () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const cust = addCustomer(book, 'C001', '甲公司');
    const id = book.tx(() =>
      createSchedule(book, { preset: 'prepaid', name: 'CRM年费', totalFen: 1000_00, firstPeriod: '2026-01', periods: 12, customerId: cust, payment: { date: '2026-01-05' } }),
    );
    const s = getSchedule(book, id);
    expect(s.creditAccount).toBe('1123');
    expect(s.debitAccount).toBe(book.account('crmExpense'));
    expect(s.entries.map((e) => e.amountFen)).toEqual([...Array(11).fill(83_33), 83_37]);
    expect(lines(book, s.creationVoucherId!)).toEqual([
      { account: '1123', d: 1000_00, c: 0, customer: cust },
      { account: '1002', d: 0, c: 1000_00, customer: cust },
    ]);
    // Run every month: the sum posted is the total, to the fen.
    for (const e of s.entries) book.tx(() => runSchedules(book, e.period));
    const after = getSchedule(book, id);
    expect(after.postedFen).toBe(1000_00);
    expect(after.remainingFen).toBe(0);
    expect(after.entries.every((e) => e.status === 'posted')).toBe(true);
    const dec = after.entries[11]!;
    expect(lines(book, dec.voucherId!)).toEqual([
      { account: book.account('crmExpense'), d: 83_37, c: 0, customer: cust },
      { account: '1123', d: 0, c: 83_37, customer: cust },
    ]);
    const v = book.sqlite.prepare('SELECT date, source_type, source_id FROM voucher WHERE id = ?').get(dec.voucherId!);
    expect(v).toEqual({ date: '2026-12-31', source_type: 'schedule', source_id: id });
  });

  it('running a period twice posts nothing the second time', () => {
    const book = testBook({ firstPeriod: '2026-01' });
    book.tx(() => createSchedule(book, { preset: 'prepaid', name: '两年CRM', totalFen: 2400_01, firstPeriod: '2026-02', periods: 24 }));
    const first = book.tx(() => runSchedules(book, '2026-02'));
    expect(first.posted).toHaveLength(1);
    const count = () => (book.sqlite.prepare('SELECT COUNT(*) AS n FROM voucher').get() as { n: number }).n;
    const n = count();
    const second = book.tx(() => runSchedules(book, '2026-02'));
    expect(second).toEqual({ period: '2026-02', posted: [], alreadyPosted: 1 });
    expect(count()).toBe(n);
    // Before its first month, nothing is due.
    expect(book.tx(() => runSchedules(book, '2026-01')).posted).toEqual([]);
    // > 12 months goes to 长期待摊费用.
    expect(listSchedules(book)[0]!.creditAccount).toBe('1801');
  });

  it('intangible assets credit 累计摊销; deferral moves 预收账款 to 其他业务收入', () => {
    const book = testBook({ firstPeriod: '2026-01', standard: 'enterprise' });
    const a = book.tx(() => createSchedule(book, { preset: 'intangible', name: 'CRM软件', totalFen: 36000_00, firstPeriod: '2026-01', periods: 36, payment: { date: '2026-01-02' } }));
    const d = book.tx(() => createSchedule(book, { preset: 'deferral', name: '年度服务费', totalFen: 1200_00, firstPeriod: '2026-01', periods: 12, payment: { date: '2026-01-03' } }));
    expect(lines(book, getSchedule(book, a).creationVoucherId!)).toEqual([
      { account: '1701', d: 36000_00, c: 0, customer: null },
      { account: '1002', d: 0, c: 36000_00, customer: null },
    ]);
    // The receipt is the tax point: 1,200.00 of revenue (不含税) + 6% 销项 72.00 = 1,272.00 received.
    expect(lines(book, getSchedule(book, d).creationVoucherId!)).toEqual([
      { account: '1002', d: 1272_00, c: 0, customer: null },
      { account: '2203', d: 0, c: 1200_00, customer: null },
      { account: '222102', d: 0, c: 72_00, customer: null },
    ]);
    const run = book.tx(() => runSchedules(book, '2026-01'));
    expect(run.posted.map((p) => p.amountFen)).toEqual([1000_00, 100_00]);
    expect(lines(book, run.posted[0]!.voucherId)).toEqual([
      { account: '66020105', d: 1000_00, c: 0, customer: null },
      { account: '1702', d: 0, c: 1000_00, customer: null },
    ]);
    expect(lines(book, run.posted[1]!.voucherId)).toEqual([
      { account: '2203', d: 100_00, c: 0, customer: null },
      { account: '6051', d: 0, c: 100_00, customer: null },
    ]);
  });

  it('a closed period shows as closed and refuses the run', () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const id = book.tx(() => createSchedule(book, { preset: 'prepaid', name: 'CRM', totalFen: 300_00, firstPeriod: '2026-01', periods: 3 }));
    book.tx(() => closePeriod(book, '2026-01'));
    expect(getSchedule(book, id).entries[0]!.status).toBe('closed');
    expect(() => book.tx(() => runSchedules(book, '2026-01'))).toThrowError(expect.objectContaining({ code: 'ledger.periodClosed' }));
    expect(getSchedule(book, id).postedFen).toBe(0);
  });
});

describe('management-fee income split by ratio', () => {
  it('credits each revenue account / department its exact share of the revenue, and 销项 the tax of the receipt', () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const d1 = Number(book.sqlite.prepare(`INSERT INTO department (code, name, name_key) VALUES ('D1','一部','一部')`).run().lastInsertRowid);
    const d2 = Number(book.sqlite.prepare(`INSERT INTO department (code, name, name_key) VALUES ('D2','二部','二部')`).run().lastInsertRowid);
    const r = book.tx(() => bookFeeIncome(book, { date: '2026-03-01', amountFen: 1000_00, targets: [{ departmentId: d1, ratio: 1 }, { departmentId: d2, ratio: 2 }] }));
    // 1,000.00 价税合计 at 6%: tax 1,000.00 × 6 / 106 = 56.603… → 56.60; revenue 943.40 split 1 : 2
    // = 314.466… / 628.933…: floors 314.46 + 628.93, the last fen to the larger remainder (first).
    expect(r.amounts).toEqual([314_47, 628_93]);
    expect(lines(book, r.voucherId)).toEqual([
      { account: '1002', d: 1000_00, c: 0, customer: null },
      { account: '5051', d: 0, c: 314_47, customer: null },
      { account: '5051', d: 0, c: 628_93, customer: null },
      { account: '222102', d: 0, c: 56_60, customer: null },
    ]);
  });
});
