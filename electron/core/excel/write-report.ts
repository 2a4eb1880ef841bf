/**
 * Writes report results to .xlsx: per section one sheet with title rows (company, report,
 * period, generated at), a bold frozen header, `#,##0.00` amounts, percentages, a bold
 * totals row and fitted widths. Always streams through exceljs's WorkbookWriter, so a
 * 100,000-row journal never sits in memory as a workbook; progress is reported as rows are
 * written, and the writer yields to the event loop so the window (or the harness) can ask.
 * Money cells hold fen; fenToYuanNumber makes the display number at the very last step.
 */
import { formatRatio } from '../../../shared/percent';
import { renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type ExcelJS from 'exceljs';
import { displayWidth } from '../../../shared/display-width';
import { fenToYuanNumber, formatFen } from '../../../shared/money';
import type { Locale } from '../../../shared/messages/index';
import type { Cell, ReportColumn, ReportResult, ReportSection } from '../../../shared/report';
import { safeCell, safeSheetName, safeText } from './safe-cell';
import { formPageSetup, styleFormRow, writeFormHead } from './write-statement';

export interface WriteOptions {
  locale: Locale;
  /** Called every few thousand rows and at the end with rows written so far / rows in all. */
  onProgress?: (done: number, total: number) => void;
  /** Several reports in one workbook (the period pack): sheet names carry the report title. */
  pack?: boolean;
}

export const NUM_FMT: Record<ReportColumn['kind'], string | undefined> = {
  money: '#,##0.00',
  percent: '0.00%',
  int: '#,##0',
  // General: '#,##0.##' would show a whole number as "1,234.".
  number: undefined,
  text: undefined,
  date: 'yyyy-mm-dd',
};

/**
 * One shared style object per kind. exceljs caches a style's id by object identity, so
 * 200,000 money cells sharing one object cost one lookup each; a column style instead
 * gives every cell its own merged copy and exceljs serialises each one (≈ +60 % time).
 */
const NO_STYLE: Partial<ExcelJS.Style> = Object.freeze({});
const STYLE: Record<ReportColumn['kind'], Partial<ExcelJS.Style> | undefined> = Object.fromEntries(
  Object.entries(NUM_FMT).map(([kind, numFmt]) => [kind, numFmt ? Object.freeze({ numFmt }) : undefined]),
) as Record<ReportColumn['kind'], Partial<ExcelJS.Style> | undefined>;

/** Gives each cell its column's shared style object; `own` gives copies for rows that get more styling (totals). */
function styleCells(row: ExcelJS.Row, styles: (Partial<ExcelJS.Style> | undefined)[], own = false): ExcelJS.Row {
  for (let i = 0; i < styles.length; i++) {
    // Unstyled cells too: each new cell carries its own empty style object, which exceljs
    // would otherwise serialise one by one (half a million times for a journal).
    const st = styles[i] ?? NO_STYLE;
    row.getCell(i + 1).style = own ? { ...st } : st;
  }
  return row;
}

const YIELD_EVERY = 2_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
/** Days since 1899-12-30: the cell value Excel stores for a date (shown through the yyyy-mm-dd format). */
const excelDate = (iso: string): number => {
  // Reports come sorted by date: the last date's serial is nearly always the next one's.
  if (iso !== lastDate.iso) lastDate = { iso, serial: Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS + 25_569 };
  return lastDate.serial;
};
let lastDate = { iso: '', serial: 0 };
const HEADER_ROW = 6;

/** Display width: CJK and other wide characters count double. */
export const textWidth = displayWidth;

function shown(kind: ReportColumn['kind'], v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' && kind === 'money') return formatFen(v);
  if (typeof v === 'number' && kind === 'percent') return formatRatio(v, 2);
  return String(v);
}

/** Fits each column to its header and contents; big sections are sampled evenly (≤ 5,000 rows). */
export function fittedWidths(section: ReportSection): number[] {
  const step = Math.max(1, Math.ceil(section.rows.length / 5_000));
  return section.columns.map((c) => {
    let w = textWidth(c.label);
    for (let i = 0; i < section.rows.length; i += step) w = Math.max(w, textWidth(shown(c.kind, section.rows[i]![c.key] ?? null)));
    if (section.totals) w = Math.max(w, textWidth(shown(c.kind, section.totals[c.key] ?? null)));
    // +2.5: a little air; and never exactly 9, which exceljs takes for its default and drops.
    return Math.min(60, Math.max(8, w + 2.5));
  });
}

/** A report cell as the spreadsheet gets it: money in yuan (display number), text never a formula. */
export function sheetValue(kind: ReportColumn['kind'], v: Cell | undefined): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return kind === 'money' ? fenToYuanNumber(v) : v;
  // A real date cell (sortable, filterable in Excel); exceljs writes it as a UTC serial.
  if (kind === 'date' && ISO_DATE.test(v)) return excelDate(v);
  return safeCell(v) as ExcelJS.CellValue;
}

const pad = (n: number) => String(n).padStart(2, '0');
const localStamp = (iso: string): string => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

function titleLines(r: ReportResult, s: ReportSection, locale: Locale): string[] {
  const en = locale === 'en';
  const title = r.sections.length > 1 || s.title !== r.title ? `${r.title} — ${s.title}` : r.title;
  const range = r.from === r.to ? r.from : en ? `${r.from} to ${r.to}` : `${r.from} 至 ${r.to}`;
  return [r.company, title, en ? `Period: ${range}` : `期间：${range}`, en ? `Generated: ${localStamp(r.generatedAt)}` : `生成时间：${localStamp(r.generatedAt)}`];
}

/** Writes one workbook from one or more report results; returns the number of data rows written. */
export async function writeReports(path: string, results: ReportResult[], opts: WriteOptions): Promise<{ path: string; rows: number }> {
  // Written beside the target and renamed at the end: a failed export never leaves half a
  // workbook in place of the one the user had.
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const rows = await writeWorkbook(tmp, results, opts);
    renameSync(tmp, path);
    return { path, rows };
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Still open (Windows): a hidden leftover beats hiding the real error.
    }
    throw e;
  }
}

async function writeWorkbook(path: string, results: ReportResult[], opts: WriteOptions): Promise<number> {
  // Loaded on first use: exceljs is ~0.6 s of CPU to load, paid by every engine start when imported at the top (issue 19).
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  wb.creator = 'client-ledger';
  const total = results.reduce((n, r) => n + r.sections.reduce((m, s) => m + s.rows.length, 0), 0);
  const taken = new Set<string>();
  let done = 0;
  opts.onProgress?.(0, total);
  for (const r of results) {
    for (const s of r.sections) {
      const wanted = opts.pack ? (r.sections.length > 1 ? `${r.title}-${s.title}` : r.title) : s.title;
      const ws = wb.addWorksheet(safeSheetName(wanted, taken), { views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }], ...(s.form ? { pageSetup: formPageSetup(s) } : {}) });
      const widths = fittedWidths(s);
      ws.columns = s.columns.map((c, i) => ({ key: c.key, width: widths[i]! }));
      const styles = s.columns.map((c) => STYLE[c.kind]);
      const kinds = s.columns.map((c) => c.kind);
      const keys = s.columns.map((c) => c.key);
      // One array for every row: exceljs copies the values into its cells.
      const values = new Array<ExcelJS.CellValue>(s.columns.length);
      if (s.form) writeFormHead(ws, s, titleLines(r, s, opts.locale), r.company, opts.locale);
      else {
        titleLines(r, s, opts.locale).forEach((line, i) => {
          const row = ws.addRow([safeText(line)]);
          if (i < 2) row.font = { bold: true, size: i === 0 ? 14 : 12 };
          row.commit();
        });
        ws.addRow([]).commit();
      }
      const header = ws.addRow(s.columns.map((c) => safeText(c.label)));
      header.font = { bold: true };
      header.eachCell((cell, col) => {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF2F6' } };
        cell.border = { bottom: { style: 'thin' } };
        // Headers of number columns sit over their numbers.
        cell.alignment = { vertical: 'middle', horizontal: NUM_FMT[s.columns[col - 1]!.kind] ? 'right' : 'left' };
      });
      header.commit();
      for (const row of s.rows) {
        for (let i = 0; i < kinds.length; i++) values[i] = sheetValue(kinds[i]!, row[keys[i]!]);
        const added = ws.addRow(values);
        // A new row carries its own empty style object, which exceljs's style index misses
        // (keyed by object) and serialises to find it is the default: once per row, 100,000
        // times for a journal (a profile of writeReports). The shared one is looked up once.
        // Statement form rows keep their own (styleFormRow styles the row).
        // (Row.style is exceljs's own field, doc/row.js; its typings leave it out.)
        if (!s.form) (added as ExcelJS.Row & { style: Partial<ExcelJS.Style> }).style = NO_STYLE;
        styleCells(added, styles, !!s.form);
        if (s.form) styleFormRow(added, s);
        added.commit();
        if (++done % YIELD_EVERY === 0) {
          opts.onProgress?.(done, total);
          await new Promise<void>((ok) => setImmediate(ok));
        }
      }
      if (s.totals) {
        const totals = { ...s.totals };
        // The totals row says what it is when the report left its first text cell empty.
        const first = s.columns[0];
        const unlabelled = s.columns.every((c) => (c.kind !== 'text' && c.kind !== 'date') || (totals[c.key] ?? '') === '');
        if (first?.kind === 'text' && unlabelled) totals[first.key] = opts.locale === 'en' ? 'Total' : '合计';
        const t = styleCells(ws.addRow(s.columns.map((c) => sheetValue(c.kind, totals[c.key]))), styles, true);
        t.font = { bold: true };
        t.eachCell({ includeEmpty: true }, (cell) => (cell.border = { top: { style: 'thin' } }));
        t.commit();
      }
      // Checks the report states (资产总计 = 负债和所有者权益总计: 平衡) under the table, as on screen.
      for (const note of s.notes ?? []) ws.addRow([safeText(note)]).commit();
      ws.commit();
    }
  }
  if (taken.size === 0) wb.addWorksheet('-').commit();
  await wb.commit();
  opts.onProgress?.(total, total);
  return done;
}
