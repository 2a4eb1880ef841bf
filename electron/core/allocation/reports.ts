/**
 * Report modules of this domain: allocation (pool × customer with drivers), customer
 * profitability (with the whale curve), account-manager ROI and schedule status.
 */
import type { ReportColumn, ReportRow, ReportSection } from '../../../shared/report';
import { defineReport, L } from '../reports/define';
import { sumFen } from '../reports/exact';
import { listSchedules } from '../schedules/schedules';
import { getRun } from './runs';
import { managerRoi, profitability } from './profitability';

const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d);

export const allocationReport = defineReport({
  name: 'allocation',
  title: { 'zh-CN': '成本分配表', en: 'Cost allocation' },
  run(book, { from, to, filters, locale }) {
    const runIds = (book.sqlite.prepare('SELECT MAX(id) AS id FROM alloc_run WHERE period BETWEEN ? AND ? GROUP BY period ORDER BY period').all(from, to) as { id: number }[]).map((r) => r.id);
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
    const pivotTotals: ReportRow = { customer: L(locale, '合计', 'Total'), totalFen: total };
    for (const n of poolNames) pivotTotals[`pool:${n}`] = sumFen(pivotRows.map((r) => (r[`pool:${n}`] as number | undefined) ?? 0), 'pool');
    return [
      {
        name: 'by-customer',
        title: L(locale, '客户×分配池', 'Customer × pool'),
        columns: [
          { key: 'customer', label: L(locale, '客户', 'Customer'), kind: 'text' },
          ...poolNames.map((n): ReportColumn => ({ key: `pool:${n}`, label: n, kind: 'money' })),
          { key: 'totalFen', label: L(locale, '合计', 'Total'), kind: 'money' },
        ],
        rows: pivotRows,
        totals: pivotTotals,
      },
      {
        name: 'lines',
        title: L(locale, '分配明细（含动因）', 'Allocation lines with drivers'),
        columns: [
          { key: 'period', label: L(locale, '期间', 'Period'), kind: 'text' },
          { key: 'pool', label: L(locale, '分配池', 'Pool'), kind: 'text' },
          { key: 'driver', label: L(locale, '动因', 'Driver'), kind: 'text' },
          { key: 'poolFen', label: L(locale, '池金额', 'Pool amount'), kind: 'money' },
          { key: 'customer', label: L(locale, '客户', 'Customer'), kind: 'text' },
          { key: 'driverValue', label: L(locale, '动因值', 'Driver value'), kind: 'int' },
          { key: 'share', label: L(locale, '比例', 'Share'), kind: 'percent' },
          { key: 'amountFen', label: L(locale, '分配金额', 'Allocated'), kind: 'money' },
        ],
        rows: detail,
        totals: { period: L(locale, '合计', 'Total'), amountFen: total },
      },
    ];
  },
});

export const profitabilityReport = defineReport({
  name: 'profitability',
  title: { 'zh-CN': '客户盈利分析', en: 'Customer profitability' },
  run(book, { from, to, filters, locale }) {
    const { rows, totals } = profitability(book, from, to);
    const classLabel = { high: L(locale, '高利润', 'High'), low: L(locale, '低利润', 'Low'), loss: L(locale, '亏损', 'Loss') };
    const shown = filters.customerId !== undefined ? rows.filter((r) => r.customerId === filters.customerId) : rows;
    const section: ReportSection = {
      name: 'customers',
      title: L(locale, '客户盈利', 'Customer profit'),
      columns: [
        { key: 'rank', label: L(locale, '排名', 'Rank'), kind: 'int' },
        { key: 'code', label: L(locale, '客户编码', 'Code'), kind: 'text' },
        { key: 'name', label: L(locale, '客户名称', 'Customer'), kind: 'text' },
        { key: 'manager', label: L(locale, '客户经理', 'Account manager'), kind: 'text' },
        { key: 'revenueFen', label: L(locale, '收入', 'Revenue'), kind: 'money' },
        { key: 'directCostFen', label: L(locale, '直接费用', 'Direct cost'), kind: 'money' },
        { key: 'allocatedFen', label: L(locale, '分摊间接费用', 'Allocated overhead'), kind: 'money' },
        { key: 'profitFen', label: L(locale, '利润', 'Profit'), kind: 'money' },
        { key: 'margin', label: L(locale, '利润率', 'Margin'), kind: 'percent' },
        { key: 'class', label: L(locale, '分类', 'Class'), kind: 'text' },
        { key: 'cumulativeShare', label: L(locale, '累计利润占比', 'Cumulative profit'), kind: 'percent' },
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
      totals: { code: L(locale, '合计', 'Total'), ...totals, margin: ratio(totals.profitFen, totals.revenueFen) },
      charts: [{ type: 'whale', title: L(locale, '鲸鱼曲线（累计利润占比）', 'Whale curve (cumulative profit)'), category: 'name', series: ['cumulativeShare'] }],
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
        title: L(locale, '客户经理', 'Account managers'),
        columns: [
          { key: 'manager', label: L(locale, '客户经理', 'Account manager'), kind: 'text' },
          { key: 'customers', label: L(locale, '客户数', 'Customers'), kind: 'int' },
          { key: 'clientCostFen', label: L(locale, '客户管理费用', 'Client costs'), kind: 'money' },
          { key: 'expenseFen', label: L(locale, '费用（直接含主营业务成本+分摊）', 'Expense (direct incl. cost of sales + allocated)'), kind: 'money' },
          { key: 'revenueFen', label: L(locale, '收入', 'Revenue'), kind: 'money' },
          { key: 'previousRevenueFen', label: L(locale, '上期收入', 'Previous revenue'), kind: 'money' },
          { key: 'growth', label: L(locale, '收入增长', 'Growth'), kind: 'percent' },
          { key: 'retention', label: L(locale, '客户留存率', 'Retention'), kind: 'percent' },
          { key: 'revenuePerClientYuan', label: L(locale, '每元客户费用收入', 'Revenue per yuan of client cost'), kind: 'number' },
          { key: 'revenuePerYuan', label: L(locale, '每元费用收入', 'Revenue per yuan of expense'), kind: 'number' },
        ],
        rows: rows.map((r) => ({
          manager: r.managerName || L(locale, '（未指定）', '(none)'),
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
          manager: L(locale, '合计', 'Total'),
          customers: sum('customers'),
          clientCostFen: sum('clientCostFen'),
          expenseFen: sum('expenseFen'),
          revenueFen: sum('revenueFen'),
          previousRevenueFen: sum('previousRevenueFen'),
          growth: comparable ? ratio(sum('revenueFen') - sum('previousRevenueFen'), sum('previousRevenueFen')) : null,
          revenuePerClientYuan: ratio(sum('revenueFen'), sum('clientCostFen')),
          revenuePerYuan: ratio(sum('revenueFen'), sum('expenseFen')),
        },
        charts: [{ type: 'bar', title: L(locale, '收入与费用', 'Revenue and expense'), category: 'manager', series: ['revenueFen', 'expenseFen'] }],
      },
    ];
  },
});

export const schedulesReport = defineReport({
  name: 'schedules',
  title: { 'zh-CN': '摊销与递延计划执行情况', en: 'Schedule status' },
  run(book, { from, to, locale }) {
    const list = listSchedules(book);
    const kind = { amortization: L(locale, '摊销', 'Amortization'), deferral: L(locale, '递延收入', 'Deferral') };
    const status = { posted: L(locale, '已入账', 'Posted'), due: L(locale, '待入账', 'Due'), future: L(locale, '未到期', 'Future'), closed: L(locale, '期间已结账', 'Period closed') };
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
        title: L(locale, '计划', 'Schedules'),
        columns: [
          { key: 'name', label: L(locale, '名称', 'Name'), kind: 'text' },
          { key: 'kind', label: L(locale, '类型', 'Kind'), kind: 'text' },
          { key: 'accounts', label: L(locale, '借方 / 贷方科目', 'Debit / credit'), kind: 'text' },
          { key: 'firstPeriod', label: L(locale, '起始期间', 'First period'), kind: 'text' },
          { key: 'periods', label: L(locale, '期数', 'Periods'), kind: 'int' },
          { key: 'postedPeriods', label: L(locale, '已入账期数', 'Posted periods'), kind: 'int' },
          { key: 'totalFen', label: L(locale, '总额', 'Total'), kind: 'money' },
          { key: 'postedFen', label: L(locale, '已入账', 'Posted'), kind: 'money' },
          { key: 'remainingFen', label: L(locale, '未入账', 'Remaining'), kind: 'money' },
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
        totals: { name: L(locale, '合计', 'Total'), totalFen: sumFen(list.map((s) => s.totalFen), 'schedules'), postedFen: sumFen(list.map((s) => s.postedFen), 'schedules'), remainingFen: sumFen(list.map((s) => s.remainingFen), 'schedules') },
      },
      {
        name: 'entries',
        title: L(locale, '各期状态', 'Per period'),
        columns: [
          { key: 'name', label: L(locale, '名称', 'Name'), kind: 'text' },
          { key: 'no', label: L(locale, '期次', 'No.'), kind: 'text' },
          { key: 'period', label: L(locale, '期间', 'Period'), kind: 'text' },
          { key: 'amountFen', label: L(locale, '金额', 'Amount'), kind: 'money' },
          { key: 'status', label: L(locale, '状态', 'Status'), kind: 'text' },
        ],
        rows: entries,
      },
    ];
  },
});

export const allocationReports = [allocationReport, profitabilityReport, managerRoiReport, schedulesReport];
