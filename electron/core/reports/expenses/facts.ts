/**
 * The facts every client-expense report reads: posted debit amounts on the client
 * expense accounts (children of 客户管理费 560201/660201 plus every account a category maps
 * to, e.g. 业务招待费 560205), grouped by month, category and dimensions.
 *
 * Amounts are debit fen: a red reversal is a negative debit and nets out, while a
 * period-end transfer to 本年利润 (a credit) does not wipe the month's expenses.
 * A line's category is its own category_id; a line without one takes the category its
 * account maps to when exactly one does, otherwise it is shown under its account's name
 * (56020101 is shared by 差旅费/交通费/住宿费 and guessing would misstate the structure).
 */
import type { Locale } from '../../../../shared/messages/index';
import { period, periodRange } from '../../../../shared/period';
import type { ReportFilters } from '../../../../shared/report';
import { sql } from 'kysely';
import type { Book } from '../../book/book';
import { notClosing } from '../../closing/sql';
import { exactFen, sumFen } from '../exact';

export interface ExpenseFact {
  period: string;
  /** `c:<id>` for a category, `a:<code>` for an account without one category. */
  categoryKey: string;
  customerId: number | null;
  employeeId: number | null;
  departmentId: number | null;
  fen: number;
  lines: number;
}

export interface CategoryLabel {
  key: string;
  label: string;
  /** Sort order: categories by code order of the table, then accounts. */
  order: number;
}

export interface ExpenseData {
  facts: ExpenseFact[];
  categories: Map<string, CategoryLabel>;
  /** Every month of the range, in order, even months without expenses. */
  months: string[];
}

interface Raw {
  period: string;
  account_code: string;
  category_id: number | null;
  customer_id: number | null;
  employee_id: number | null;
  department_id: number | null;
  fen: bigint;
  lines: number;
}

export function clientExpenseAccounts(book: Book): string[] {
  const parent = book.account('clientExpense');
  const rows = book.db.all(
    book.q
      .selectFrom('account')
      .select('code')
      .where('code', 'like', `${parent}%`)
      .where('code', '<>', parent)
      .union(book.q.selectFrom('category').select('account_code as code')),
  );
  return rows.map((r) => r.code);
}

export function expenseData(book: Book, from: string, to: string, filters: ReportFilters, locale: Locale): ExpenseData {
  const accounts = clientExpenseAccounts(book);
  // The sum as SQLite's exact int64 (a group of many large lines can pass 2^53): exact.ts.
  const raw: Raw[] = book.db
    .allExact(
      book.q
        .selectFrom('voucher_line as l')
        .leftJoin('employee as e', 'e.id', 'l.employee_id')
        .select([
          'l.period',
          'l.account_code',
          'l.category_id',
          'l.customer_id',
          'l.employee_id',
          sql<number | null>`COALESCE(l.department_id, e.department_id)`.as('department_id'),
          sql<number>`SUM(l.debit_fen)`.as('fen'),
          sql<number>`COUNT(*)`.as('lines'),
        ])
        .where('l.posted', '=', sql.lit(1))
        .where('l.debit_fen', '<>', 0)
        .where('l.period', '>=', from)
        .where('l.period', '<=', to)
        .where(sql<boolean>`l.account_code IN (SELECT value FROM json_each(${JSON.stringify(accounts)}))`)
        .where(sql<boolean>`${sql.raw(notClosing('l'))}`)
        .groupBy(sql`1, 2, 3, 4, 5, 6`),
    )
    .map((x) => {
      const id = (v: bigint | null) => (v === null ? null : Number(v));
      return { ...x, category_id: id(x.category_id), customer_id: id(x.customer_id), employee_id: id(x.employee_id), department_id: id(x.department_id), lines: Number(x.lines) };
    });

  const cats = book.db.all(book.q.selectFrom('category').select(['id', 'code', 'name', 'name_en', 'account_code']).orderBy('id'));
  const accountNames = new Map(
    book.db.all(book.q.selectFrom('account').select(['code', 'name'])).map((a) => [a.code, a.name]),
  );
  const byAccount = new Map<string, number[]>();
  for (const c of cats) byAccount.set(c.account_code, [...(byAccount.get(c.account_code) ?? []), c.id]);

  const categories = new Map<string, CategoryLabel>();
  cats.forEach((c, i) => categories.set(`c:${c.id}`, { key: `c:${c.id}`, label: locale === 'en' ? c.name_en || c.name : c.name, order: i }));
  const keyFor = (r: Raw): string => {
    if (r.category_id !== null) return `c:${r.category_id}`;
    const mapped = byAccount.get(r.account_code);
    if (mapped?.length === 1) return `c:${mapped[0]}`;
    const key = `a:${r.account_code}`;
    if (!categories.has(key)) {
      categories.set(key, { key, label: `${r.account_code} ${accountNames.get(r.account_code) ?? ''}`.trim(), order: 10_000 + Number(r.account_code) });
    }
    return key;
  };

  const facts: ExpenseFact[] = [];
  for (const r of raw) {
    const f: ExpenseFact = {
      period: r.period,
      categoryKey: keyFor(r),
      customerId: r.customer_id,
      employeeId: r.employee_id,
      departmentId: r.department_id,
      fen: exactFen(r.fen, L_EXPENSES),
      lines: r.lines,
    };
    if (filters.customerId !== undefined && f.customerId !== filters.customerId) continue;
    if (filters.employeeId !== undefined && f.employeeId !== filters.employeeId) continue;
    if (filters.departmentId !== undefined && f.departmentId !== filters.departmentId) continue;
    if (filters.categoryId !== undefined && f.categoryKey !== `c:${filters.categoryId}`) continue;
    facts.push(f);
  }
  return { facts, categories, months: periodRange(period(from), period(to)) };
}

const L_EXPENSES = 'expenses';

/** The facts' total, exactly. */
export const totalFen = (facts: ExpenseFact[]): number => sumFen(facts.map((f) => f.fen), L_EXPENSES);

/** Sums fen per key, in first-seen order, exactly. */
export function sumBy<K>(facts: ExpenseFact[], key: (f: ExpenseFact) => K): Map<K, number> {
  const out = new Map<K, number>();
  const big = new Map<K, bigint>();
  for (const f of facts) big.set(key(f), (big.get(key(f)) ?? 0n) + BigInt(f.fen));
  for (const [k, v] of big) out.set(k, exactFen(v, L_EXPENSES));
  return out;
}

/** A share as a ratio for percent cells; null when the whole is zero (no 0/0 in a report). */
export const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
