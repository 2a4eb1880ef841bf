import { describe, expect, it } from 'vitest';
import { addCustomer, addEmployee, testBook } from '../../../test/support/book';
import type { Book } from '../book/book';
import { createClaim } from '../claims/create';
import { evaluateLines, type PolicyLine } from './evaluate';

const TODAY = '2026-03-20'; // a Friday
const catId = (book: Book, code: string) => (book.sqlite.prepare('SELECT id FROM category WHERE code = ?').get(code) as { id: number }).id;

/** Only the rule under test: the defaults would add noise to each assertion. */
function only(book: Book, kind: string, action: 'warn' | 'block', extra: { amount?: number; days?: number; category?: string; tier?: string } = {}) {
  book.sqlite.prepare('UPDATE policy_rule SET active = 0').run();
  book.sqlite
    .prepare('INSERT INTO policy_rule (kind, action, amount_fen, days, category_code, customer_tier) VALUES (?, ?, ?, ?, ?, ?)')
    .run(kind, action, extra.amount ?? null, extra.days ?? null, extra.category ?? null, extra.tier ?? null);
}

function setup() {
  const book = testBook();
  const emp = addEmployee(book, 'E1', '张三');
  const cust = addCustomer(book, 'C1', '甲公司', 'A');
  const meals = catId(book, 'MEALS');
  const line = (over: Partial<PolicyLine> = {}): PolicyLine => ({ date: '2026-03-18', categoryId: meals, amountFen: 10000, customerId: cust, receipt: true, invoiceNo: null, ...over });
  const ev = (lines: PolicyLine[], ctx = {}) => evaluateLines(book, lines, { employeeId: emp, today: TODAY, ...ctx });
  return { book, emp, cust, meals, line, ev };
}

describe('policy rules at their boundaries', () => {
  it('per-item cap: exactly the cap passes, one fen more violates', () => {
    const { book, line, ev } = setup();
    only(book, 'item_cap', 'warn', { amount: 30000, category: 'MEALS' });
    expect(ev([line({ amountFen: 30000 })])).toEqual([]);
    const v = ev([line({ amountFen: 30001 })]);
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ kind: 'item_cap', action: 'warn', line: 0 });
    expect(v[0]!.message).toContain('300.00');
    // Scope: another category is not capped.
    expect(ev([line({ amountFen: 99999, categoryId: catId(book, 'TRAVEL') })])).toEqual([]);
  });

  it('per-day cap counts lines of the same employee, category and day, including submitted claims', () => {
    const { book, emp, line, ev, meals } = setup();
    only(book, 'day_cap', 'block', { amount: 50000 });
    expect(ev([line({ amountFen: 20000 }), line({ amountFen: 30000 })])).toEqual([]);
    const v = ev([line({ amountFen: 20000 }), line({ amountFen: 30001 })]);
    expect(v.map((x) => [x.kind, x.line, x.action])).toEqual([['day_cap', 1, 'block']]);
    // Another day is a separate bucket.
    expect(ev([line({ amountFen: 20000 }), line({ amountFen: 30001, date: '2026-03-17' })])).toEqual([]);
    // A submitted claim counts; a draft does not.
    const id = book.tx(() => createClaim(book, { employeeId: emp, lines: [{ date: '2026-03-18', categoryId: meals, amountFen: 40000 }] }));
    expect(ev([line({ amountFen: 10001 })])).toEqual([]);
    book.sqlite.prepare(`UPDATE claim SET status = 'submitted' WHERE id = ?`).run(id);
    expect(ev([line({ amountFen: 10000 })])).toEqual([]);
    expect(ev([line({ amountFen: 10001 })])).toHaveLength(1);
    // Re-evaluating that claim's own lines does not count them twice.
    expect(ev([line({ amountFen: 40000 })], { claimId: id })).toEqual([]);
  });

  it('per-month cap sums the calendar month', () => {
    const { book, line, ev } = setup();
    only(book, 'month_cap', 'warn', { amount: 100000 });
    expect(ev([line({ date: '2026-03-01', amountFen: 50000 }), line({ date: '2026-03-31', amountFen: 50000 })])).toEqual([]);
    const v = ev([line({ date: '2026-03-01', amountFen: 50000 }), line({ date: '2026-03-31', amountFen: 50001 })]);
    expect(v.map((x) => [x.kind, x.line])).toEqual([['month_cap', 1]]);
    expect(ev([line({ date: '2026-02-28', amountFen: 50000 }), line({ date: '2026-03-01', amountFen: 50001 })])).toEqual([]);
  });

  it('receipt required at or above the amount', () => {
    const { book, line, ev } = setup();
    only(book, 'receipt_required', 'block', { amount: 50000 });
    expect(ev([line({ amountFen: 49999, receipt: false })])).toEqual([]);
    expect(ev([line({ amountFen: 50000, receipt: false })])).toHaveLength(1);
    expect(ev([line({ amountFen: 50000, receipt: true })])).toEqual([]);
  });

  it('invoice number required at or above the amount, or always', () => {
    const { book, line, ev } = setup();
    only(book, 'invoice_required', 'warn', { amount: 100000 });
    expect(ev([line({ amountFen: 99999 })])).toEqual([]);
    expect(ev([line({ amountFen: 100000 })])).toHaveLength(1);
    expect(ev([line({ amountFen: 100000, invoiceNo: '12345678' })])).toEqual([]);
    only(book, 'invoice_required', 'warn');
    expect(ev([line({ amountFen: 1, invoiceNo: '  ' })])).toHaveLength(1);
  });

  it('duplicate invoice numbers across all claims ever, ignoring width and spaces, and within the lines', () => {
    const { book, emp, meals, line, ev } = setup();
    only(book, 'duplicate_invoice', 'block');
    const id = book.tx(() => createClaim(book, { employeeId: emp, lines: [{ date: '2026-01-05', categoryId: meals, amountFen: 100, invoiceNo: 'NO 0012' }] }));
    const v = ev([line({ invoiceNo: 'ＮＯ００１２' })]);
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ kind: 'duplicate_invoice', action: 'block', params: { claim: id } });
    expect(ev([line({ invoiceNo: 'NO0012' })], { claimId: id })).toEqual([]);
    // A later draft repeating the invoice is flagged itself but does not block the earlier claim.
    const later = book.tx(() => createClaim(book, { employeeId: emp, lines: [{ date: '2026-01-06', categoryId: meals, amountFen: 100, invoiceNo: 'NO0012' }] }));
    expect(ev([line({ invoiceNo: 'NO0012' })], { claimId: id })).toEqual([]);
    expect(ev([line({ invoiceNo: 'NO0012' })], { claimId: later })).toHaveLength(1);
    book.sqlite.prepare(`UPDATE claim SET status = 'submitted' WHERE id = ?`).run(later);
    expect(ev([line({ invoiceNo: 'NO0012' })], { claimId: id })).toHaveLength(1);
    const here = ev([line({ invoiceNo: 'A1' }), line({ invoiceNo: 'A 1' })]);
    expect(here.map((x) => [x.line, x.code])).toEqual([[1, 'policy.duplicate_invoice_here']]);
  });

  it('future dates and dates older than N days', () => {
    const { book, line, ev } = setup();
    only(book, 'future_date', 'block');
    expect(ev([line({ date: TODAY })])).toEqual([]);
    expect(ev([line({ date: '2026-03-21' })])).toHaveLength(1);
    only(book, 'old_date', 'warn', { days: 30 });
    expect(ev([line({ date: '2026-02-18' })])).toEqual([]); // exactly 30 days
    expect(ev([line({ date: '2026-02-17' })])).toHaveLength(1);
  });

  it('weekend dates', () => {
    const { book, line, ev } = setup();
    only(book, 'weekend', 'warn');
    expect(ev([line({ date: '2026-03-20' })])).toEqual([]);
    expect(ev([line({ date: '2026-03-21' })])).toHaveLength(1);
    expect(ev([line({ date: '2026-03-22' })])).toHaveLength(1);
    expect(ev([line({ date: '2026-03-23' })])).toEqual([]);
  });

  it('customer required for client categories only, scoped by customer tier', () => {
    const { book, line, ev, meals, cust } = setup();
    only(book, 'customer_required', 'block');
    const travel = catId(book, 'TRAVEL');
    expect(ev([line({ categoryId: travel, customerId: null })])).toHaveLength(1);
    expect(ev([line({ categoryId: travel, customerId: cust })])).toEqual([]);
    expect(ev([line({ categoryId: meals, customerId: null })])).toEqual([]);
    only(book, 'item_cap', 'warn', { amount: 100, tier: 'B' });
    expect(ev([line({ amountFen: 101 })])).toEqual([]);
    book.sqlite.prepare(`UPDATE customer SET tier = 'B' WHERE id = ?`).run(cust);
    expect(ev([line({ amountFen: 101 })])).toHaveLength(1);
  });

  it('messages follow the UI language; each row of an import may carry its own employee', () => {
    const { book, line, ev } = setup();
    only(book, 'item_cap', 'warn', { amount: 100, category: 'MEALS' });
    expect(ev([line({ amountFen: 101 })], { locale: 'en' })[0]!.message).toBe('Meals item 1.01 is over the cap of 1.00');
    const other = addEmployee(book, 'E2', '李四');
    only(book, 'day_cap', 'warn', { amount: 100 });
    expect(ev([line({ amountFen: 100 }), line({ amountFen: 100, employeeId: other })])).toEqual([]);
  });

  it('new books carry sensible default rules', () => {
    const { book } = setup();
    const kinds = (book.sqlite.prepare('SELECT DISTINCT kind FROM policy_rule ORDER BY kind').all() as { kind: string }[]).map((r) => r.kind);
    expect(kinds).toHaveLength(10);
  });
});
