/**
 * Report modules of this domain: allocation (pool × customer with drivers), customer
 * profitability (with the whale curve), account-manager ROI and schedule status.
 */
import type { ReportColumn, ReportRow, ReportSection } from '../../../shared/report';
import { defineReport } from '../reports/define';
import { sumFen } from '../reports/exact';
import { listSchedules } from '../schedules/schedules';
import { getRun } from './runs';
import { managerRoi, profitability } from './profitability';
import { message } from '../../../shared/messages/index';

const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d);

export const allocationReport = defineReport({
  name: 'allocation',
  title: { 'zh-CN': '成本分配表', en: 'Cost allocation' },
  run(book, { from, to, filters, locale }) {
    const runIds = book.db
      .all(
        book.q
          .selectFrom('alloc_run')
          .select((eb) => eb.fn.max<number>('id').as('id'))
          .where((eb) => eb.between('period', from, to))
          .groupBy('period')
          .orderBy('period'),
      )
      .map((r) => r.id);
    const detail: ReportRow[] = [];
    const pivot = new Map<string, ReportRow>();
    const poolNames: string[] = [];
    let total = 0;
    for (const id of runIds) {
      const run = getRun(book, id);
      for (const p of run.pools) {
        for (const l of p.lines) {
          if (l.customerId === null) continue;
          if (filters.customerId !== undefined && l.customerId !== filters.customerId) continue;
          detail.push({
            period: run.period,
            pool: p.pool,
            driver: p.driver,
            poolFen: p.amountFen,
            customer: `${l.code} ${l.name}`,
            driverValue: l.driverValue,
            share: ratio(l.shareNumerator, l.shareDenominator),
            amountFen: l.amountFen,
          });
          // Each step exact: a sum no double holds is refused, typed (reports/exact.ts).
          total = sumFen([total, l.amountFen], 'pool');
          const key = `${l.code} ${l.name}`;
          let row = pivot.get(key);
          if (!row) pivot.set(key, (row = { customer: key, totalFen: 0 }));
          if (!poolNames.includes(p.pool)) poolNames.push(p.pool);
          row[`pool:${p.pool}`] = sumFen([(row[`pool:${p.pool}`] as number | undefined) ?? 0, l.amountFen], 'pool');
          row.totalFen = sumFen([row.totalFen as number, l.amountFen], 'pool');
        }
      }
    }
    const pivotRows = [...pivot.values()].sort((a, b) => String(a.customer).localeCompare(String(b.customer)));
    const pivotTotals: ReportRow = { customer: message(locale, 'allocation.report.total'), totalFen: total };
    for (const n of poolNames) pivotTotals[`pool:${n}`] = sumFen(pivotRows.map((r) => (r[`pool:${n}`] as number | undefined) ?? 0), 'pool');
    return [
      {
        name: 'by-customer',
        title: message(locale, 'allocation.report.customerPool'),
        columns: [
          { key: 'customer', label: message(locale, 'allocation.report.customer'), kind: 'text' },
          ...poolNames.map((n): ReportColumn => ({ key: `pool:${n}`, label: n, kind: 'money' })),
          { key: 'totalFen', label: message(locale, 'allocation.report.total'), kind: 'money' },
        ],
        rows: pivotRows,
        totals: pivotTotals,
      },
      {
        name: 'lines',
        title: message(locale, 'allocation.report.allocationLinesWithDrivers'),
        columns: [
          { key: 'period', label: message(locale, 'allocation.report.period'), kind: 'text' },
          { key: 'pool', label: message(locale, 'allocation.report.pool'), kind: 'text' },
          { key: 'driver', label: message(locale, 'allocation.report.driver'), kind: 'text' },
          { key: 'poolFen', label: message(locale, 'allocation.report.poolAmount'), kind: 'money' },
          { key: 'customer', label: message(locale, 'allocation.report.customer'), kind: 'text' },
          { key: 'driverValue', label: message(locale, 'allocation.report.driverValue'), kind: 'int' },
          { key: 'share', label: message(locale, 'allocation.report.share'), kind: 'percent' },
          { key: 'amountFen', label: message(locale, 'allocation.report.allocated'), kind: 'money' },
        ],
        rows: detail,
        totals: { period: message(locale, 'allocation.report.total'), amountFen: total },
      },
    ];
  },
});

export const profitabilityReport = defineReport({
  name: 'profitability',
  title: { 'zh-CN': '客户盈利分析', en: 'Customer profitability' },
  run(book, { from, to, filters, locale }) {
    const { rows, totals } = profitability(book, from, to);
    const classLabel = { high: message(locale, 'allocation.report.high'), low: message(locale, 'allocation.report.low'), loss: message(locale, 'allocation.report.loss') };
    const shown = filters.customerId !== undefined ? rows.filter((r) => r.customerId === filters.customerId) : rows;
    const section: ReportSection = {
      name: 'customers',
      title: message(locale, 'allocation.report.customerProfit'),
      columns: [
        { key: 'rank', label: message(locale, 'allocation.report.rank'), kind: 'int' },
        { key: 'code', label: message(locale, 'allocation.report.code'), kind: 'text' },
        { key: 'name', label: message(locale, 'allocation.report.customer2'), kind: 'text' },
        { key: 'manager', label: message(locale, 'allocation.report.accountManager'), kind: 'text' },
        { key: 'revenueFen', label: message(locale, 'allocation.report.revenue'), kind: 'money' },
        { key: 'directCostFen', label: message(locale, 'allocation.report.directCost'), kind: 'money' },
        { key: 'allocatedFen', label: message(locale, 'allocation.report.allocatedOverhead'), kind: 'money' },
        { key: 'profitFen', label: message(locale, 'allocation.report.profit'), kind: 'money' },
        { key: 'margin', label: message(locale, 'allocation.report.margin'), kind: 'percent' },
        { key: 'class', label: message(locale, 'allocation.report.class'), kind: 'text' },
        { key: 'cumulativeShare', label: message(locale, 'allocation.report.cumulativeProfit'), kind: 'percent' },
      ],
      rows: shown.map((r) => ({
        rank: r.rank,
        code: r.code,
        name: r.name,
        manager: r.managerName,
        revenueFen: r.revenueFen,
        directCostFen: r.directCostFen,
        allocatedFen: r.allocatedFen,
        profitFen: r.profitFen,
        margin: r.margin,
        class: classLabel[r.profitClass],
        cumulativeShare: r.cumulativeShare,
      })),
      totals: { code: message(locale, 'allocation.report.total'), ...totals, margin: ratio(totals.profitFen, totals.revenueFen) },
      charts: [{ type: 'whale', title: message(locale, 'allocation.report.whaleCurveCumulativeProfit'), category: 'name', series: ['cumulativeShare'] }],
    };
    return [section];
  },
});

export const managerRoiReport = defineReport({
  name: 'manager-roi',
  title: { 'zh-CN': '客户经理投入产出', en: 'Account manager ROI' },
  run(book, { from, to, locale }) {
    const rows = managerRoi(book, from, to);
    const sum = (k: 'revenueFen' | 'expenseFen' | 'clientCostFen' | 'previousRevenueFen' | 'customers') => sumFen(rows.map((r) => r[k]), 'profitability');
    // Growth against a previous range the book does not cover is left empty (see managerRoi).
    const comparable = rows.every((r) => r.comparable);
    return [
      {
        name: 'managers',
        title: message(locale, 'allocation.report.accountManagers'),
        columns: [
          { key: 'manager', label: message(locale, 'allocation.report.accountManager'), kind: 'text' },
          { key: 'customers', label: message(locale, 'allocation.report.customers'), kind: 'int' },
          { key: 'clientCostFen', label: message(locale, 'allocation.report.clientCosts'), kind: 'money' },
          { key: 'expenseFen', label: message(locale, 'allocation.report.expenseDirectInclCost'), kind: 'money' },
          { key: 'revenueFen', label: message(locale, 'allocation.report.revenue'), kind: 'money' },
          { key: 'previousRevenueFen', label: message(locale, 'allocation.report.previousRevenue'), kind: 'money' },
          { key: 'growth', label: message(locale, 'allocation.report.growth'), kind: 'percent' },
          { key: 'retention', label: message(locale, 'allocation.report.retention'), kind: 'percent' },
          { key: 'revenuePerClientYuan', label: message(locale, 'allocation.report.revenuePerYuanOf'), kind: 'number' },
          { key: 'revenuePerYuan', label: message(locale, 'allocation.report.revenuePerYuanOf2'), kind: 'number' },
        ],
        rows: rows.map((r) => ({
          manager: r.managerName || message(locale, 'allocation.report.none'),
          customers: r.customers,
          clientCostFen: r.clientCostFen,
          expenseFen: r.expenseFen,
          revenueFen: r.revenueFen,
          previousRevenueFen: r.previousRevenueFen,
          growth: r.growth,
          retention: r.retention,
          revenuePerClientYuan: r.revenuePerClientYuan,
          revenuePerYuan: r.revenuePerYuan,
        })),
        totals: {
          manager: message(locale, 'allocation.report.total'),
          customers: sum('customers'),
          clientCostFen: sum('clientCostFen'),
          expenseFen: sum('expenseFen'),
          revenueFen: sum('revenueFen'),
          previousRevenueFen: sum('previousRevenueFen'),
          growth: comparable ? ratio(sum('revenueFen') - sum('previousRevenueFen'), sum('previousRevenueFen')) : null,
          revenuePerClientYuan: ratio(sum('revenueFen'), sum('clientCostFen')),
          revenuePerYuan: ratio(sum('revenueFen'), sum('expenseFen')),
        },
        charts: [{ type: 'bar', title: message(locale, 'allocation.report.revenueAndExpense'), category: 'manager', series: ['revenueFen', 'expenseFen'] }],
      },
    ];
  },
});

export const schedulesReport = defineReport({
  name: 'schedules',
  title: { 'zh-CN': '摊销与递延计划执行情况', en: 'Schedule status' },
  run(book, { from, to, locale }) {
    const list = listSchedules(book);
    const kind = { amortization: message(locale, 'allocation.report.amortization'), deferral: message(locale, 'allocation.report.deferral') };
    const status = { posted: message(locale, 'allocation.report.posted'), due: message(locale, 'allocation.report.due'), future: message(locale, 'allocation.report.future'), closed: message(locale, 'allocation.report.periodClosed') };
    const entries: ReportRow[] = [];
    for (const s of list) {
      for (const e of s.entries) {
        if (e.period < from || e.period > to) continue;
        entries.push({ name: s.name, no: `${e.no}/${s.periods}`, period: e.period, amountFen: e.amountFen, status: status[e.status] });
      }
    }
    return [
      {
        name: 'schedules',
        title: message(locale, 'allocation.report.schedules'),
        columns: [
          { key: 'name', label: message(locale, 'allocation.report.name'), kind: 'text' },
          { key: 'kind', label: message(locale, 'allocation.report.kind'), kind: 'text' },
          { key: 'accounts', label: message(locale, 'allocation.report.debitCredit'), kind: 'text' },
          { key: 'firstPeriod', label: message(locale, 'allocation.report.firstPeriod'), kind: 'text' },
          { key: 'periods', label: message(locale, 'allocation.report.periods'), kind: 'int' },
          { key: 'postedPeriods', label: message(locale, 'allocation.report.postedPeriods'), kind: 'int' },
          { key: 'totalFen', label: message(locale, 'allocation.report.total2'), kind: 'money' },
          { key: 'postedFen', label: message(locale, 'allocation.report.posted'), kind: 'money' },
          { key: 'remainingFen', label: message(locale, 'allocation.report.remaining'), kind: 'money' },
        ],
        rows: list.map((s) => ({
          name: s.name,
          kind: kind[s.kind],
          accounts: `${s.debitAccount} / ${s.creditAccount}`,
          firstPeriod: s.firstPeriod,
          periods: s.periods,
          postedPeriods: s.entries.filter((e) => e.status === 'posted').length,
          totalFen: s.totalFen,
          postedFen: s.postedFen,
          remainingFen: s.remainingFen,
        })),
        totals: { name: message(locale, 'allocation.report.total'), totalFen: sumFen(list.map((s) => s.totalFen), 'schedules'), postedFen: sumFen(list.map((s) => s.postedFen), 'schedules'), remainingFen: sumFen(list.map((s) => s.remainingFen), 'schedules') },
      },
      {
        name: 'entries',
        title: message(locale, 'allocation.report.perPeriod'),
        columns: [
          { key: 'name', label: message(locale, 'allocation.report.name'), kind: 'text' },
          { key: 'no', label: message(locale, 'allocation.report.no'), kind: 'text' },
          { key: 'period', label: message(locale, 'allocation.report.period'), kind: 'text' },
          { key: 'amountFen', label: message(locale, 'allocation.report.amount'), kind: 'money' },
          { key: 'status', label: message(locale, 'allocation.report.status'), kind: 'text' },
        ],
        rows: entries,
      },
    ];
  },
});

export const allocationReports = [allocationReport, profitabilityReport, managerRoiReport, schedulesReport];
