/**
 * 客户管理费用 by category × month: the structure (each category's share of the range) and
 * the monthly trend (each month's total and its change on the month before).
 */
import type { ReportColumn, ReportRow } from '../../../../shared/report';
import { defineReport } from '../define';
import { expenseData, share, sumBy, totalFen } from './facts';
import { message } from '../../../../shared/messages/index';

export const expenseByCategory = defineReport({
  name: 'expense-by-category',
  title: { 'zh-CN': '客户管理费用（按类别×月份）', en: 'Client expenses by category and month' },
  run(book, { from, to, filters, locale }) {
    const { facts, categories, months } = expenseData(book, from, to, filters, locale);
    const total = totalFen(facts);
    const byCategory = sumBy(facts, (f) => f.categoryKey);
    const byCell = sumBy(facts, (f) => `${f.categoryKey}|${f.period}`);
    const byMonth = sumBy(facts, (f) => f.period);

    const columns: ReportColumn[] = [
      { key: 'category', label: message(locale, 'report.expenses.category'), kind: 'text' },
      ...months.map((m): ReportColumn => ({ key: m, label: m, kind: 'money' })),
      { key: 'totalFen', label: message(locale, 'report.expenses.total'), kind: 'money' },
      { key: 'share', label: message(locale, 'report.expenses.share'), kind: 'percent' },
    ];
    const keys = [...byCategory.keys()].sort((a, b) => categories.get(a)!.order - categories.get(b)!.order);
    const rows: ReportRow[] = keys.map((k) => {
      const row: ReportRow = { category: categories.get(k)!.label };
      for (const m of months) row[m] = byCell.get(`${k}|${m}`) ?? 0;
      row.totalFen = byCategory.get(k)!;
      row.share = share(byCategory.get(k)!, total);
      return row;
    });
    const totals: ReportRow = { category: message(locale, 'report.expenses.total'), totalFen: total, share: total === 0 ? null : 1 };
    for (const m of months) totals[m] = byMonth.get(m) ?? 0;

    const trend: ReportRow[] = months.map((m, i) => {
      const fen = byMonth.get(m) ?? 0;
      const before = i === 0 ? null : (byMonth.get(months[i - 1]!) ?? 0);
      return {
        month: m,
        amountFen: fen,
        change: before === null || before === 0 ? null : (fen - before) / before,
        share: share(fen, total),
      };
    });

    return [
      {
        name: 'structure',
        title: message(locale, 'report.expenses.structure'),
        columns,
        rows,
        totals,
        charts: [{ type: 'pie', title: message(locale, 'report.expenses.expenseStructureByCategory'), category: 'category', series: ['totalFen'] }],
      },
      {
        name: 'trend',
        title: message(locale, 'report.expenses.monthlyTrend'),
        columns: [
          { key: 'month', label: message(locale, 'report.expenses.month'), kind: 'text' },
          { key: 'amountFen', label: message(locale, 'report.expenses.amount'), kind: 'money' },
          { key: 'change', label: message(locale, 'report.expenses.changeOnPriorMonth'), kind: 'percent' },
          { key: 'share', label: message(locale, 'report.expenses.share'), kind: 'percent' },
        ],
        rows: trend,
        totals: { month: message(locale, 'report.expenses.total'), amountFen: total, change: null, share: total === 0 ? null : 1 },
        charts: [{ type: 'line', title: message(locale, 'report.expenses.monthlyTrend'), category: 'month', series: ['amountFen'] }],
      },
    ];
  },
});
