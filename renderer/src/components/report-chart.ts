/**
 * A report's chart spec (shared/report.ts) as an ECharts option: slice/axis names from the
 * spec's category column, one series per listed column, labels from the columns (already in
 * the UI language). Money is fen in the report; the chart plots yuan as a display number
 * and its tooltips print the exact fen with formatFen.
 */
import { fenToYuanNumber, formatFen } from '../../../shared/money';
import type { ChartSpec, ReportColumn, ReportRow, ReportSection } from '../../../shared/report';
import type { ChartOption } from './Chart';

const PALETTE = ['#c0392b', '#2e86de', '#27ae60', '#f39c12', '#8e44ad', '#16a085', '#d35400', '#7f8c8d', '#e84393', '#2c3e50', '#00b894', '#6c5ce7'];

/** Tooltips are HTML: names come from the book (customers typed by people). */
const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function pickRows(spec: ChartSpec, rows: ReportRow[]): ReportRow[] {
  if (!spec.pick) return rows;
  const { n, order, by } = spec.pick;
  const num = (r: ReportRow) => (typeof r[by] === 'number' ? (r[by] as number) : 0);
  const sorted = [...rows].sort((a, b) => (order === 'top' ? num(b) - num(a) : num(a) - num(b)));
  return sorted.slice(0, n);
}

const plotValue = (kind: ReportColumn['kind'] | undefined, v: unknown): number | null => {
  if (typeof v !== 'number') return null;
  if (kind === 'money') return fenToYuanNumber(v);
  if (kind === 'percent') return Math.round(v * 10_000) / 100;
  return v;
};

/** Tooltip text from the report's own value (exact fen), not from the plotted number. */
const tipText = (kind: ReportColumn['kind'] | undefined, raw: unknown, locale: string): string =>
  typeof raw !== 'number' ? '—' : kind === 'money' ? formatFen(raw) : kind === 'percent' ? `${Math.round(raw * 10_000) / 100}%` : raw.toLocaleString(locale);

interface Point {
  value: number | null;
  raw: unknown;
}

export function reportChartOption(spec: ChartSpec, section: ReportSection, locale: string): ChartOption {
  const col = (key: string) => section.columns.find((c) => c.key === key);
  const rows = pickRows(spec, section.rows);
  const names = rows.map((r) => String(r[spec.category] ?? ''));
  const title = { text: spec.title, left: 'center', textStyle: { fontSize: 14 } };
  const kind0 = col(spec.series[0] ?? '')?.kind;

  if (spec.type === 'pie') {
    const key = spec.series[0] ?? '';
    const data = rows
      .map((r, i) => ({ name: names[i]!, value: plotValue(col(key)?.kind, r[key]) ?? 0, raw: r[key] }))
      .filter((d) => d.value > 0);
    return {
      color: PALETTE,
      title,
      tooltip: { trigger: 'item', formatter: (p: { name: string; data: Point; percent: number }) => `${escape(p.name)}<br/>${tipText(kind0, p.data.raw, locale)} (${p.percent}%)` },
      legend: { type: 'scroll', orient: 'vertical', left: 0, top: 30, bottom: 0 },
      series: [{ type: 'pie', radius: ['35%', '65%'], center: ['60%', '55%'], data, label: { formatter: '{b}\n{d}%' } }],
    };
  }

  const horizontal = spec.type === 'bar';
  const categoryAxis = { type: 'category', data: names, axisLabel: { width: 140, overflow: 'truncate' }, ...(horizontal ? { inverse: true } : {}) };
  const valueAxis = { type: 'value', axisLabel: { formatter: (v: number) => (kind0 === 'percent' ? `${v}%` : v.toLocaleString(locale)) } };
  return {
    color: PALETTE,
    title,
    tooltip: {
      trigger: 'axis',
      formatter: (ps: { name: string; marker: string; seriesName: string; seriesIndex: number; data: Point }[]) => {
        const line = (p: (typeof ps)[number]) => `${p.marker}${escape(p.seriesName)} ${tipText(col(spec.series[p.seriesIndex] ?? '')?.kind, p.data.raw, locale)}`;
        return [escape(ps[0]?.name ?? ''), ...ps.map(line)].join('<br/>');
      },
    },
    legend: spec.series.length > 1 ? { top: 24 } : { show: false },
    grid: { left: horizontal ? 150 : 70, right: 30, top: spec.series.length > 1 ? 60 : 44, bottom: 30 },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: spec.series.map((key) => ({
      name: col(key)?.label ?? key,
      type: spec.type === 'bar' ? 'bar' : 'line',
      data: rows.map((r): Point => ({ value: plotValue(col(key)?.kind, r[key]), raw: r[key] })),
      ...(spec.type === 'whale' ? { smooth: true, areaStyle: { opacity: 0.15 }, symbol: 'none' } : {}),
      ...(spec.type === 'line' ? { symbolSize: 7 } : {}),
    })),
  };
}
