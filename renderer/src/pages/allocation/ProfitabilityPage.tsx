/**
 * 客户盈利: profit per customer over a range (revenue − direct cost − allocated overhead),
 * the whale curve, and account-manager ROI. Clicking a customer shows the allocation lines
 * behind its overhead.
 */
import type { ColDef } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import type { CustomerProfit, ManagerRoi } from '../../../../shared/contract/allocation';
import { formatFen } from '../../../../shared/money';
import { useApi } from '../../api/queries';
import { useBook } from '../../book-context';
import { Chart, type ChartOption } from '../../components/Chart';
import { Grid } from '../../components/Grid';
import { useI18n } from '../../i18n/index';
import { ExplainPanel, type ExplainTarget } from './ExplainPanel';
import { thisPeriodLocal } from '../../../../shared/today';

const money = { type: 'rightAligned', width: 120, valueFormatter: (p: { value: unknown }) => (typeof p.value === 'number' ? formatFen(p.value) : '') };
const pctFormat = new Intl.NumberFormat(undefined, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const ratioFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Long English headers wrap instead of being cut. */
const defaultColDef = { wrapHeaderText: true, autoHeaderHeight: true };
const pct = (v: unknown) => (typeof v === 'number' ? pctFormat.format(v) : '—');

export function ProfitabilityPage() {
  const { t } = useI18n();
  const { book } = useBook();
  const [range, setRange] = useState(() => ({ from: `${thisPeriodLocal().slice(0, 4)}-01` < (book?.firstPeriod ?? '') ? book!.firstPeriod : `${thisPeriodLocal().slice(0, 4)}-01`, to: thisPeriodLocal() }));
  const [explain, setExplain] = useState<ExplainTarget | null>(null);
  // What a manager's "expense" counts: client costs by default, everything charged on request.
  const [basis, setBasis] = useState<'client' | 'all'>('client');

  const customers = useApi('profitability.customers', range);
  const roi = useApi('profitability.managers', range);
  const rows = useMemo(() => customers.data?.rows ?? [], [customers.data]);
  const managers = roi.data ?? [];

  const whale = useMemo<ChartOption>(
    () => ({
      title: { text: t('profit.whale'), left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
      grid: { left: 60, right: 30, top: 50, bottom: 40 },
      xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { show: rows.length <= 30, width: 90, overflow: 'truncate' } },
      yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      series: [
        {
          name: t('profit.cumulative'),
          type: 'line',
          smooth: true,
          symbol: rows.length > 50 ? 'none' : 'circle',
          areaStyle: { opacity: 0.15 },
          data: rows.map((r) => (r.cumulativeShare === null ? null : Math.round(r.cumulativeShare * 10_000) / 100)),
        },
      ],
      color: ['#c0392b'],
    }),
    [rows, t],
  );
  const cols: ColDef<CustomerProfit>[] = [
    { field: 'rank', headerName: t('profit.rank'), width: 70 },
    { field: 'code', headerName: t('profit.code'), width: 90 },
    { field: 'name', headerName: t('profit.name'), flex: 1, minWidth: 120 },
    { field: 'managerName', headerName: t('profit.manager'), width: 100 },
    { field: 'revenueFen', headerName: t('profit.revenue'), ...money },
    { field: 'directCostFen', headerName: t('profit.direct'), ...money },
    { field: 'allocatedFen', headerName: t('profit.allocated'), ...money },
    { field: 'profitFen', headerName: t('profit.profit'), ...money, cellClassRules: { 'neg-amount': (p) => (p.value as number) < 0 } },
    { field: 'margin', headerName: t('profit.margin'), type: 'rightAligned', width: 90, valueFormatter: (p) => pct(p.value) },
    { field: 'profitClass', headerName: t('profit.class'), width: 90, valueFormatter: (p) => (p.value ? t(`profit.class.${p.value as CustomerProfit['profitClass']}`) : ''), cellClassRules: { 'class-high': (p) => p.value === 'high', 'class-loss': (p) => p.value === 'loss' } },
  ];
  const mcols: ColDef<ManagerRoi>[] = [
    { field: 'managerName', headerName: t('profit.manager'), flex: 1, valueFormatter: (p) => (p.value as string) || t('profit.noManager') },
    { field: 'customers', headerName: t('profit.customers'), width: 90, type: 'rightAligned' },
    basis === 'client' ? { field: 'clientCostFen', headerName: t('roi.clientCost'), ...money, width: 160 } : { field: 'expenseFen', headerName: t('roi.allCost'), ...money, width: 190 },
    { field: 'revenueFen', headerName: t('profit.revenue'), ...money },
    { field: 'previousRevenueFen', headerName: t('profit.prevRevenue'), ...money },
    { field: 'growth', headerName: t('profit.growth'), type: 'rightAligned', width: 110, valueFormatter: (p) => (p.data && !p.data.comparable ? t('roi.na') : pct(p.value)) },
    { field: 'retention', headerName: t('profit.retention'), type: 'rightAligned', width: 110, valueFormatter: (p) => (p.data && !p.data.comparable ? t('roi.na') : pct(p.value)) },
    {
      field: basis === 'client' ? 'revenuePerClientYuan' : 'revenuePerYuan',
      headerName: basis === 'client' ? t('roi.perClientYuan') : t('profit.perYuan'),
      type: 'rightAligned',
      width: 130,
      valueFormatter: (p) => (typeof p.value === 'number' ? ratioFormat.format(p.value) : '—'),
    },
  ];
  const totals = rows.reduce((s, r) => ({ revenueFen: s.revenueFen + r.revenueFen, directCostFen: s.directCostFen + r.directCostFen, allocatedFen: s.allocatedFen + r.allocatedFen, profitFen: s.profitFen + r.profitFen }), { revenueFen: 0, directCostFen: 0, allocatedFen: 0, profitFen: 0 });

  return (
    <section className="page alloc-page">
      <header className="page-head">
        <h1>{t('profit.title')}</h1>
        <label className="inline">
          {t('alloc.from')}
          <input type="month" value={range.from} aria-label={t('alloc.from')} onChange={(e) => setRange((r) => ({ ...r, from: e.target.value }))} />
        </label>
        <label className="inline">
          {t('alloc.to')}
          <input type="month" value={range.to} aria-label={t('alloc.to')} onChange={(e) => setRange((r) => ({ ...r, to: e.target.value }))} />
        </label>
        <button type="button" disabled={customers.isFetching || roi.isFetching} onClick={() => void Promise.all([customers.refetch(), roi.refetch()])}>{t('profit.refresh')}</button>
      </header>
      {rows.length > 0 && <Chart option={whale} height={300} testId="whale-chart" label={t('profit.whale')} />}
      <p className="muted">{t('profit.clickHint')}</p>
      {/* Mounted with its rows: an auto-height grid that grows from empty can keep its old height. */}
      {rows.length > 0 && (
        <div className="report-grid" data-testid="profit-grid">
          <Grid<CustomerProfit>
            columnDefs={cols}
            defaultColDef={defaultColDef}
            rowData={rows}
            size="content"
            rowClass="clickable"
            onRowClicked={(e) => e.data && e.data.customerId && setExplain({ customerId: e.data.customerId, label: `${e.data.code} ${e.data.name}`, from: range.from, to: range.to })}
            pinnedBottomRowData={[{ ...totals, name: t('alloc.total'), margin: totals.revenueFen ? totals.profitFen / totals.revenueFen : null } as CustomerProfit]}
            getRowClass={(p) => (p.node.rowPinned ? 'report-totals' : undefined)}
          />
        </div>
      )}
      {explain && <ExplainPanel target={explain} onClose={() => setExplain(null)} />}
      <div className="page-head">
        <h2>{t('profit.managers')}</h2>
        <label className="inline">
          {t('roi.basis')}
          <select value={basis} onChange={(e) => setBasis(e.target.value as 'client' | 'all')} aria-label={t('roi.basis')} data-testid="roi-basis">
            <option value="client">{t('roi.basis.client')}</option>
            <option value="all">{t('roi.basis.all')}</option>
          </select>
        </label>
      </div>
      {managers[0] && (
        <p className="muted small-text" data-testid="roi-notes">
          {managers[0].comparable
            ? t('roi.comparable', { from: managers[0].previousFrom, to: managers[0].previousTo })
            : t('roi.notComparable', { from: managers[0].previousFrom, to: managers[0].previousTo, first: book?.firstPeriod ?? '' })}{' '}
          {t('roi.revenueDef')}
        </p>
      )}
      {managers.length > 0 && (
        <div className="report-grid" data-testid="manager-grid">
          <Grid<ManagerRoi> key={basis} columnDefs={mcols} defaultColDef={defaultColDef} rowData={managers} size="content" />
        </div>
      )}
    </section>
  );
}
