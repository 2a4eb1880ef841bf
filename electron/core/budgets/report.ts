/** Budget vs actual (预算执行): every budget overlapping the range with actual, committed and variance. */
import type { ReportRow } from '../../../shared/report';
import { defineReport } from '../reports/define';
import { sumFen } from '../reports/exact';
import { allBudgets, budgetMonths, budgetRow } from './budgets';
import { message } from '../../../shared/messages/index';

export const budgetReport = defineReport({
  name: 'budget',
  title: { 'zh-CN': '预算执行情况', en: 'Budget vs actual' },
  run(book, { from, to, filters, locale }) {
    const level = { ok: message(locale, 'budgets.report.ok'), warn: message(locale, 'budgets.report.warning'), alert: message(locale, 'budgets.report.alert') };
    const rows: ReportRow[] = [];
    for (const b of allBudgets(book)) {
      const [bf, bt] = budgetMonths(b.period_kind, b.period);
      if (bf > to || bt < from) continue;
      if (filters.employeeId !== undefined && b.employee_id !== filters.employeeId) continue;
      if (filters.departmentId !== undefined && b.department_id !== filters.departmentId) continue;
      if (filters.customerId !== undefined && b.customer_id !== filters.customerId) continue;
      if (filters.categoryId !== undefined && b.category_id !== filters.categoryId) continue;
      const r = budgetRow(book, b);
      rows.push({
        period: r.period,
        name: r.name || r.scope,
        scope: r.scope,
        budgetFen: r.amountFen,
        actualFen: r.actualFen,
        committedFen: r.committedFen,
        usedFen: sumFen([r.actualFen, r.committedFen], 'budgets'),
        varianceFen: r.remainingFen,
        usedPct: r.usedPct,
        level: level[r.level],
      });
    }
    const sum = (k: string) => sumFen(rows.map((r) => Number(r[k] ?? 0)), 'budgets');
    const budget = sum('budgetFen');
    return [
      {
        name: 'budget',
        title: message(locale, 'budgets.report.budgetVsActual'),
        columns: [
          { key: 'period', label: message(locale, 'budgets.report.period'), kind: 'text' },
          { key: 'name', label: message(locale, 'budgets.report.budget'), kind: 'text' },
          { key: 'scope', label: message(locale, 'budgets.report.scope'), kind: 'text' },
          { key: 'budgetFen', label: message(locale, 'budgets.report.budget2'), kind: 'money' },
          { key: 'actualFen', label: message(locale, 'budgets.report.actualPosted'), kind: 'money' },
          { key: 'committedFen', label: message(locale, 'budgets.report.committed'), kind: 'money' },
          { key: 'usedFen', label: message(locale, 'budgets.report.used'), kind: 'money' },
          { key: 'varianceFen', label: message(locale, 'budgets.report.varianceRemaining'), kind: 'money' },
          { key: 'usedPct', label: message(locale, 'budgets.report.used2'), kind: 'percent' },
          { key: 'level', label: message(locale, 'budgets.report.status'), kind: 'text' },
        ],
        rows,
        totals: {
          period: message(locale, 'budgets.report.total'),
          budgetFen: budget,
          actualFen: sum('actualFen'),
          committedFen: sum('committedFen'),
          usedFen: sum('usedFen'),
          varianceFen: sum('varianceFen'),
          usedPct: budget === 0 ? null : sum('usedFen') / budget,
        },
        charts: [{ type: 'bar', title: message(locale, 'budgets.report.budgetAndActual'), category: 'name', series: ['budgetFen', 'actualFen', 'committedFen'] }],
      },
    ];
  },
});
