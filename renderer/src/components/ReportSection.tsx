/**
 * One report section on screen: its charts (from the section's chart specs) and its rows
 * in an ag-grid table, money formatted from fen, totals pinned at the bottom. The grid
 * grows with short sections and scrolls long ones (Grid's size="content"); for printing it lays out every row.
 */
import type { ColDef, GridApi, RowClassParams, ValueFormatterParams } from 'ag-grid-community';
import { useEffect, useMemo, useRef } from 'react';
import { displayWidth } from '../../../shared/display-width';
import { formatFen } from '../../../shared/money';
import type { ReportColumn, ReportRow, ReportSection } from '../../../shared/report';
import { useI18n } from '../i18n/index';
import { Chart } from './Chart';
import { Grid } from './Grid';
import { reportChartOption } from './report-chart';

export function formatCell(kind: ReportColumn['kind'], v: unknown, locale: string): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v !== 'number') return String(v);
  if (kind === 'money') return formatFen(v);
  if (kind === 'percent') return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);
  if (kind === 'int') return v.toLocaleString(locale);
  return v.toLocaleString(locale, { maximumFractionDigits: 4 });
}

/** Pixels for a column: its header and (a sample of) its cells, wide characters counted double. */
function fitWidth(section: ReportSection, c: ReportColumn, locale: string): number {
  const step = Math.max(1, Math.ceil(section.rows.length / 500));
  let w = displayWidth(c.label) + 2;
  for (let i = 0; i < section.rows.length; i += step) w = Math.max(w, displayWidth(formatCell(c.kind, section.rows[i]![c.key], locale)));
  if (section.totals) w = Math.max(w, displayWidth(formatCell(c.kind, section.totals[c.key], locale)));
  return Math.min(360, Math.max(72, w * 8 + 34));
}

/** The totals row says what it is: 合计 in the first text column when the report labelled it nowhere. */
function labelled(section: ReportSection, label: string): ReportRow {
  const first = section.columns[0];
  const totals = section.totals ?? {};
  const unlabelled = section.columns.every((c) => (c.kind !== 'text' && c.kind !== 'date') || (totals[c.key] ?? '') === '');
  return first?.kind === 'text' && unlabelled ? { ...totals, [first.key]: label } : totals;
}

const numeric = (k: ReportColumn['kind']) => k === 'money' || k === 'percent' || k === 'int' || k === 'number';

export function ReportSectionView({ section, printing, hideTitle }: { section: ReportSection; printing: boolean; hideTitle?: boolean }) {
  const { locale, t } = useI18n();
  const columns = useMemo<ColDef<ReportRow>[]>(
    () =>
      section.columns.map((c, i) => ({
        colId: c.key,
        headerName: c.label,
        valueGetter: (p) => p.data?.[c.key] ?? null,
        valueFormatter: (p: ValueFormatterParams<ReportRow>) => formatCell(c.kind, p.value, locale),
        comparator: (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a ?? '').localeCompare(String(b ?? ''), locale)),
        // Right-aligned numbers (the built-in 'rightAligned' type's classes, plus tabular digits).
        headerClass: numeric(c.kind) ? 'ag-right-aligned-header' : undefined,
        cellClass: numeric(c.kind) ? 'ag-right-aligned-cell num' : undefined,
        pinned: i === 0 && section.columns.length > 8 ? 'left' : undefined,
        width: c.width ?? fitWidth(section, c, locale),
        sortable: true,
        resizable: true,
      })),
    [section, locale],
  );
  const options = useMemo(
    () =>
      (section.charts ?? [])
        // A "bottom n" chart of n or fewer rows would repeat the "top n" chart upside down.
        .filter((spec) => !(spec.pick?.order === 'bottom' && section.rows.length <= spec.pick.n))
        .map((spec) => ({ spec, option: reportChartOption(spec, section, locale) })),
    [section, locale],
  );
  const grid = useRef<GridApi<ReportRow> | null>(null);
  // On paper the columns share the page width; back on screen they take their fitted widths.
  useEffect(() => {
    if (printing) grid.current?.sizeColumnsToFit();
    else grid.current?.resetColumnState();
  }, [printing]);

  return (
    <section className="report-section" data-testid={`section-${section.name}`}>
      {!hideTitle && <h2>{section.title}</h2>}
      {section.notes?.map((n) => (
        // The balance sheet's check: green when 资产总计 = 负债和所有者权益总计, red when not.
        <p key={n} className={section.facts?.balanced === false ? 'error' : 'ok-note'} data-testid={`note-${section.name}`}>
          {n}
        </p>
      ))}
      {options.length > 0 && section.rows.length > 0 && (
        <div className="report-charts">
          {options.map(({ spec, option }, i) => (
            <Chart key={`${spec.title}-${i}`} option={option} height={300} label={spec.title} testId={`chart-${spec.type}`} />
          ))}
        </div>
      )}
      {section.rows.length === 0 && <p className="muted">{t('reports.noRows')}</p>}
      <div className="report-grid">
        <Grid<ReportRow>
          size="content"
          onGridReady={(e) => (grid.current = e.api)}
          columnDefs={columns}
          rowData={section.rows}
          pinnedBottomRowData={section.totals ? [labelled(section, t('reports.total'))] : []}
          getRowClass={(p: RowClassParams<ReportRow>) => (p.node.rowPinned === 'bottom' ? 'report-totals' : undefined)}
          domLayout={printing ? 'print' : undefined}
          suppressCellFocus
          suppressColumnVirtualisation
          enableCellTextSelection
          overlayNoRowsTemplate=" "
        />
      </div>
    </section>
  );
}
