/**
 * The statutory furniture of a statement's sheet (资产负债表, 利润表): the form's number in the
 * top corner (会小企01表), the title centred over the form, 编制单位 / the date / 单位：元 above
 * the header, and ruled cells with 合计 and captions in bold, as on the paper form. The rows
 * stay where every report has them (header on row 6), so re-reading a pack is uniform.
 */
import type ExcelJS from 'exceljs';
import { message, type Locale } from '../../../shared/messages/index';
import type { ReportSection } from '../../../shared/report';
import { safeText } from './safe-cell';

const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

/** Rows 1–5: `lines` are the usual company, title, period and generated-at lines. */
export function writeFormHead(ws: ExcelJS.Worksheet, s: ReportSection, lines: string[], company: string, locale: Locale): void {
  const n = s.columns.length;
  const form = s.form!;
  const head = (values: (string | null)[]) => {
    const row = ws.addRow(values.map((v) => (v === null ? null : safeText(v))));
    return row;
  };
  const corner = Array<string | null>(n).fill(null);
  corner[0] = lines[0]!;
  corner[n - 1] = form.code;
  const r1 = head(corner);
  r1.getCell(1).font = { bold: true, size: 12 };
  r1.getCell(n).alignment = { horizontal: 'right' };
  r1.commit();
  const r2 = head([s.title]);
  r2.font = { bold: true, size: 16 };
  r2.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  r2.height = 26;
  ws.mergeCells(2, 1, 2, n);
  r2.commit();
  head([lines[2]!]).commit();
  head([lines[3]!]).commit();
  const unit = Array<string | null>(n).fill(null);
  unit[0] = message(locale, 'report.statements.entity', { company });
  unit[Math.floor(n / 2)] = form.dateLine;
  unit[n - 1] = message(locale, 'report.statements.unitYuan');
  const r5 = head(unit);
  r5.getCell(Math.floor(n / 2) + 1).alignment = { horizontal: 'center' };
  r5.getCell(n).alignment = { horizontal: 'right' };
  r5.commit();
}

const STRONG = /(合计|总计|^[一二三四五六七]、|：$|^Total)/;

/** Rules every cell of a statement row; totals, the 一、二、… lines and captions in bold, per column pair. */
export function styleFormRow(row: ExcelJS.Row, s: ReportSection): void {
  let strong = false;
  s.columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    // A text column starts a group (资产 | 行次 | 期末 | 年初): its label decides the group's weight.
    if (c.kind === 'text') strong = STRONG.test(String(cell.value ?? ''));
    cell.style = { ...cell.style, border: THIN, ...(strong ? { font: { bold: true } } : {}) };
    if (c.kind === 'int') cell.alignment = { horizontal: 'center' };
  });
}

/** A4, the whole width on one page: landscape for the balance sheet's two column pairs side by side. */
export const formPageSetup = (s: ReportSection): Partial<ExcelJS.PageSetup> => ({
  paperSize: 9,
  orientation: s.columns.length > 4 ? 'landscape' : 'portrait',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
});
