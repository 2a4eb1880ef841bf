/** Budget vs actual (预算执行): every budget overlapping the range with actual, committed and variance. */
import type { ReportRow } from '../../../shared/report';
import { defineReport, L } from '../reports/define';
import { sumFen } from '../reports/exact';
import { allBudgets, budgetMonths, budgetRow } from './budgets';

export const budgetReport = defineReport({
  name: 'budget',
  title: { 'zh-CN': '预算执行情况', en: 'Budget vs actual' },
  run(book, { from, to, filters, locale }) {
    const level = { ok: L(locale, '正常', 'OK'), warn: L(locale, '预警', 'Warning'), alert: L(locale, '超支警报', 'Alert') };
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
        title: L(locale, '预算执行', 'Budget vs actual'),
        columns: [
          { key: 'period', label: L(locale, '期间', 'Period'), kind: 'text' },
          { key: 'name', label: L(locale, '预算', 'Budget'), kind: 'text' },
          { key: 'scope', label: L(locale, '范围', 'Scope'), kind: 'text' },
          { key: 'budgetFen', label: L(locale, '预算金额', 'Budget'), kind: 'money' },
          { key: 'actualFen', label: L(locale, '实际（已过账）', 'Actual (posted)'), kind: 'money' },
          { key: 'committedFen', label: L(locale, '已占用（审批中）', 'Committed'), kind: 'money' },
          { key: 'usedFen', label: L(locale, '合计使用', 'Used'), kind: 'money' },
          { key: 'varianceFen', label: L(locale, '差异（剩余）', 'Variance (remaining)'), kind: 'money' },
          { key: 'usedPct', label: L(locale, '使用率', 'Used %'), kind: 'percent' },
          { key: 'level', label: L(locale, '状态', 'Status'), kind: 'text' },
        ],
        rows,
        totals: {
          period: L(locale, '合计', 'Total'),
          budgetFen: budget,
          actualFen: sum('actualFen'),
          committedFen: sum('committedFen'),
          usedFen: sum('usedFen'),
          varianceFen: sum('varianceFen'),
          usedPct: budget === 0 ? null : sum('usedFen') / budget,
        },
        charts: [{ type: 'bar', title: L(locale, '预算与实际', 'Budget and actual'), category: 'name', series: ['budgetFen', 'actualFen', 'committedFen'] }],
      },
    ];
  },
});
