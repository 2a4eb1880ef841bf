/**
 * 客户管理费用 by customer, by employee and by department: one row per dimension member with
 * its amount per category, total, share and line count, ranked by total. Lines without
 * the dimension are one row of their own, so the total always equals the ledger's.
 */
import { message, type Locale } from '../../../../shared/messages/index';
import type { ChartSpec, ReportColumn, ReportRow } from '../../../../shared/report';
import type { Book } from '../../book/book';
import { defineReport, type ReportModule } from '../define';
import { expenseData, share, sumBy, totalFen, type ExpenseFact } from './facts';

interface Member {
  code: string;
  name: string;
  extra?: string;
}

interface Dimension {
  name: string;
  title: Record<Locale, string>;
  label(locale: Locale): string;
  extraLabel?(locale: Locale): string;
  id(f: ExpenseFact): number | null;
  members(book: Book): Map<number, Member>;
  charts?(locale: Locale): ChartSpec[];
}

function dimensionReport(d: Dimension): ReportModule {
  return defineReport({
    name: d.name,
    title: d.title,
    run(book, { from, to, filters, locale }) {
      const { facts, categories } = expenseData(book, from, to, filters, locale);
      const members = d.members(book);
      const total = totalFen(facts);
      const byMember = sumBy(facts, d.id);
      const byCell = sumBy(facts, (f) => `${d.id(f) ?? ''}|${f.categoryKey}`);
      const linesBy = new Map<number | null, number>();
      for (const f of facts) linesBy.set(d.id(f), (linesBy.get(d.id(f)) ?? 0) + f.lines);
      const catKeys = [...sumBy(facts, (f) => f.categoryKey).keys()].sort((a, b) => categories.get(a)!.order - categories.get(b)!.order);

      const columns: ReportColumn[] = [
        { key: 'code', label: message(locale, 'report.expenses.code'), kind: 'text' },
        { key: 'name', label: d.label(locale), kind: 'text' },
        ...(d.extraLabel ? [{ key: 'extra', label: d.extraLabel(locale), kind: 'text' } as ReportColumn] : []),
        ...catKeys.map((k): ReportColumn => ({ key: k, label: categories.get(k)!.label, kind: 'money' })),
        { key: 'totalFen', label: message(locale, 'report.expenses.total'), kind: 'money' },
        { key: 'share', label: message(locale, 'report.expenses.share'), kind: 'percent' },
        { key: 'lines', label: message(locale, 'report.expenses.lines'), kind: 'int' },
      ];
      const ids = [...byMember.keys()].sort((a, b) => byMember.get(b)! - byMember.get(a)! || (a ?? Infinity) - (b ?? Infinity));
      const rows: ReportRow[] = ids.map((id) => {
        const m = id === null ? undefined : members.get(id);
        const row: ReportRow = {
          code: m?.code ?? '',
          name: id === null ? message(locale, 'report.expenses.none') : (m?.name ?? `#${id}`),
        };
        if (d.extraLabel) row.extra = m?.extra ?? '';
        for (const k of catKeys) row[k] = byCell.get(`${id ?? ''}|${k}`) ?? 0;
        row.totalFen = byMember.get(id)!;
        row.share = share(byMember.get(id)!, total);
        row.lines = linesBy.get(id) ?? 0;
        return row;
      });
      const totals: ReportRow = { code: '', name: message(locale, 'report.expenses.total'), totalFen: total, share: total === 0 ? null : 1 };
      for (const k of catKeys) totals[k] = totalFen(facts.filter((f) => f.categoryKey === k));
      totals.lines = facts.reduce((s, f) => s + f.lines, 0);
      return [{ name: d.name, title: d.title[locale], columns, rows, totals, ...(d.charts ? { charts: d.charts(locale) } : {}) }];
    },
  });
}

const named = (rows: { id: number; code: string; name: string; extra?: string | null }[]): Map<number, Member> =>
  new Map(rows.map((r) => [r.id, { code: r.code, name: r.name, extra: r.extra ?? '' }]));

export const expenseByCustomer = dimensionReport({
  name: 'expense-by-customer',
  title: { 'zh-CN': '客户管理费用（按客户）', en: 'Client expenses by customer' },
  label: (l) => message(l, 'report.expenses.customer'),
  extraLabel: (l) => message(l, 'report.expenses.tier'),
  id: (f) => f.customerId,
  members: (book) => named(book.db.all(book.q.selectFrom('customer').select(['id', 'code', 'name', 'tier as extra']))),
  charts: (l) => [
    { type: 'bar', title: message(l, 'report.expenses.top10CustomersBy'), category: 'name', series: ['totalFen'], pick: { n: 10, order: 'top', by: 'totalFen' } },
    { type: 'bar', title: message(l, 'report.expenses.bottom10CustomersBy'), category: 'name', series: ['totalFen'], pick: { n: 10, order: 'bottom', by: 'totalFen' } },
  ],
});

export const expenseByEmployee = dimensionReport({
  name: 'expense-by-employee',
  title: { 'zh-CN': '客户管理费用（按员工）', en: 'Client expenses by employee' },
  label: (l) => message(l, 'report.expenses.employee'),
  extraLabel: (l) => message(l, 'report.expenses.department'),
  id: (f) => f.employeeId,
  members: (book) =>
    named(book.db.all(book.q.selectFrom('employee as e').leftJoin('department as d', 'd.id', 'e.department_id').select(['e.id', 'e.code', 'e.name', 'd.name as extra']))),
  charts: (l) => [{ type: 'bar', title: message(l, 'report.expenses.top10EmployeesBy'), category: 'name', series: ['totalFen'], pick: { n: 10, order: 'top', by: 'totalFen' } }],
});

export const expenseByDepartment = dimensionReport({
  name: 'expense-by-department',
  title: { 'zh-CN': '客户管理费用（按部门）', en: 'Client expenses by department' },
  label: (l) => message(l, 'report.expenses.department'),
  id: (f) => f.departmentId,
  members: (book) => named(book.db.all(book.q.selectFrom('department').select(['id', 'code', 'name']))),
  charts: (l) => [{ type: 'pie', title: message(l, 'report.expenses.shareByDepartment'), category: 'name', series: ['totalFen'] }],
});
