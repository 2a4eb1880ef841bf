import { describe, expect, it } from 'vitest';
import { addCustomer, addEmployee, testBook } from '../../../../test/support/book';
import type { Book } from '../../book/book';
import { bookVoucher, createDraft, reverseVoucher } from '../../ledger/vouchers';
import type { ReportFilters } from '../../../../shared/report';
import { runReport } from '../index';
import { clientExpenseAccounts } from './facts';

/**
 * A hand-computed book, Jan–Mar 2026 (amounts in fen):
 *   Jan  TRAVEL 10000 (C1, E1)  · 56020102 without category → EVENT 5000 (C2, E2)
 *   Feb  56020101 without category (shared by three categories → shown as the account) 3000 (C1, E1, D1)
 *        560205 without category → ENTERTAIN 2000 (C2, E1) · office 9999 (not a client expense)
 *   Mar  GIFT 700 (C1, E2) · MEALS 300 then reversed (nets 0) · a credit of 10000 to 56020101 (closing: ignored)
 *   Apr  TRAVEL 4000 (outside the range) · a draft of 99999 (not posted)
 * E1 belongs to D1; E2 has no department.
 */
function seed(book: Book) {
  const c1 = addCustomer(book, 'C01', '蓝海贸易');
  const c2 = addCustomer(book, 'C02', '青山科技');
  const d1 = Number(book.sqlite.prepare(`INSERT INTO department (code, name, name_key) VALUES ('D1', '销售一部', '销售一部')`).run().lastInsertRowid);
  const e1 = addEmployee(book, 'E01', '张三');
  const e2 = addEmployee(book, 'E02', '李四');
  book.sqlite.prepare(`UPDATE employee SET department_id = ? WHERE id = ?`).run(d1, e1);
  const cat = (code: string) => (book.sqlite.prepare(`SELECT id FROM category WHERE code = ?`).get(code) as { id: number }).id;
  const post = (date: string, lines: object[]) => book.tx(() => bookVoucher(book, { date, memo: 'test', lines: lines as never }));
  post('2026-01-05', [
    { account: '56020101', debitFen: 10000, categoryId: cat('TRAVEL'), customerId: c1, employeeId: e1 },
    { account: '56020102', debitFen: 5000, customerId: c2, employeeId: e2 },
    { account: '2241', creditFen: 15000, employeeId: e1 },
  ]);
  post('2026-02-10', [
    { account: '56020101', debitFen: 3000, customerId: c1, employeeId: e1, departmentId: d1 },
    { account: '560205', debitFen: 2000, customerId: c2, employeeId: e1 },
    { account: '560202', debitFen: 9999 },
    { account: '1002', creditFen: 14999 },
  ]);
  post('2026-03-01', [
    { account: '56020103', debitFen: 700, categoryId: cat('GIFT'), customerId: c1, employeeId: e2 },
    { account: '1001', creditFen: 700 },
  ]);
  const meals = post('2026-03-02', [
    { account: '56020106', debitFen: 300, categoryId: cat('MEALS') },
    { account: '1001', creditFen: 300 },
  ]);
  book.tx(() => reverseVoucher(book, meals.id, '2026-03-03'));
  post('2026-03-31', [
    { account: '3103', debitFen: 10000 },
    { account: '56020101', creditFen: 10000 },
  ]);
  post('2026-04-01', [
    { account: '56020101', debitFen: 4000, categoryId: cat('TRAVEL'), customerId: c1 },
    { account: '1001', creditFen: 4000 },
  ]);
  book.tx(() => createDraft(book, { date: '2026-03-15', lines: [{ account: '56020101', debitFen: 99999 }, { account: '1001', creditFen: 99999 }] }));
  return { c1, c2, d1, e1, e2, cat };
}

const run = (book: Book, name: string, filters: ReportFilters = {}, locale: 'zh-CN' | 'en' = 'zh-CN') =>
  runReport(book, name, { from: '2026-01', to: '2026-03', filters, locale });

describe('client-expense reports', () => {
  it('by category × month: amounts, structure shares and the monthly trend', () => {
    const book = testBook();
    seed(book);
    const r = run(book, 'expense-by-category');
    const [structure, trend] = r.sections;
    expect(structure!.rows.map((x) => [x.category, x['2026-01'], x['2026-02'], x['2026-03'], x.totalFen])).toEqual([
      ['差旅费', 10000, 0, 0, 10000],
      ['餐饮费', 0, 0, 0, 0],
      ['业务招待费', 0, 2000, 0, 2000],
      ['客户活动费', 5000, 0, 0, 5000],
      ['客户礼品费', 0, 0, 700, 700],
      ['56020101 拜访差旅', 0, 3000, 0, 3000],
    ]);
    expect(structure!.rows[0]!.share).toBeCloseTo(10000 / 20700, 12);
    expect(structure!.totals).toMatchObject({ '2026-01': 15000, '2026-02': 5000, '2026-03': 700, totalFen: 20700, share: 1 });
    expect(structure!.charts?.map((c) => c.type)).toEqual(['pie']);
    expect(trend!.rows.map((x) => [x.month, x.amountFen])).toEqual([
      ['2026-01', 15000],
      ['2026-02', 5000],
      ['2026-03', 700],
    ]);
    expect(trend!.rows[0]!.change).toBeNull();
    expect(trend!.rows[1]!.change).toBeCloseTo(-2 / 3, 12);
    expect(trend!.rows[2]!.change).toBeCloseTo(-0.86, 12);
    expect(trend!.charts?.map((c) => c.type)).toEqual(['line']);
    expect(run(book, 'expense-by-category', {}, 'en').sections[0]!.rows[0]!.category).toBe('Travel');
  });

  it('by customer, employee and department, with lines lacking the dimension on their own row', () => {
    const book = testBook();
    seed(book);
    const rows = (name: string) => run(book, name).sections[0]!.rows.map((x) => [x.name, x.totalFen, x.lines]);
    expect(rows('expense-by-customer')).toEqual([
      ['蓝海贸易', 13700, 3],
      ['青山科技', 7000, 2],
      ['（未指定）', 0, 2],
    ]);
    expect(rows('expense-by-employee')).toEqual([
      ['张三', 15000, 3],
      ['李四', 5700, 2],
      ['（未指定）', 0, 2],
    ]);
    // E1's lines fall to D1 through the employee's department even without department_id.
    expect(rows('expense-by-department')).toEqual([
      ['销售一部', 15000, 3],
      ['（未指定）', 5700, 4],
    ]);
    const customer = run(book, 'expense-by-customer').sections[0]!;
    expect(customer.rows[0]).toMatchObject({ code: 'C01', extra: 'A', 'c:1': 10000 });
    expect(customer.totals).toMatchObject({ totalFen: 20700, lines: 7 });
    expect(customer.charts?.map((c) => c.pick?.order)).toEqual(['top', 'bottom']);
  });

  it('filters by customer, employee, department and category', () => {
    const book = testBook();
    const { c1, e2, d1, cat } = seed(book);
    const total = (filters: ReportFilters) => run(book, 'expense-by-category', filters).sections[0]!.totals!.totalFen;
    expect(total({ customerId: c1 })).toBe(13700);
    expect(total({ employeeId: e2 })).toBe(5700);
    expect(total({ departmentId: d1 })).toBe(15000);
    expect(total({ categoryId: cat('TRAVEL') })).toBe(10000);
    expect(total({ customerId: c1, categoryId: cat('GIFT') })).toBe(700);
  });

  it('reads the enterprise standard’s 6602 accounts', () => {
    const book = testBook({ standard: 'enterprise' });
    const accounts = clientExpenseAccounts(book);
    expect(accounts).toContain('66020101');
    expect(accounts).toContain('660205');
    expect(accounts.some((a) => a.startsWith('56'))).toBe(false);
    book.tx(() => bookVoucher(book, { date: '2026-01-02', lines: [{ account: '66020105', debitFen: 1234 }, { account: '1002', creditFen: 1234 }] }));
    expect(run(book, 'expense-by-category').sections[0]!.rows).toMatchObject([{ category: 'CRM系统费', totalFen: 1234 }]);
  });
});
