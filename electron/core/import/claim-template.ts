/**
 * The 费用报销单 template the accountant sends out (File → 导出报销单模板, CLI `export
 * claim-template`): one sheet per employee, laid out exactly as the form import reads a
 * form (form.ts, scan.ts) — labelled fields above the lines table (报销人, 部门, 报销日期,
 * 单据编号, 附件张数), the table under the expenses kind's own column names, a 合计 row whose
 * figures are a SUM formula and whose 大写 is left for the claimant, then signature lines.
 *
 * Cells come back clean because Excel checks them as they are typed (data validation:
 * exceljs's types list / date / whole / custom with formulae and error styles,
 * https://github.com/exceljs/exceljs#data-validations, set per range: validate()). Category
 * and customer are drop-down lists referencing a hidden sheet of the book's active
 * categories and customers (a list source on another sheet is a range reference, so
 * hundreds of customers fit where a quoted "a,b,c" list would stop at Excel's 255
 * characters); amounts are numbers ≥ 0 with
 * at most 2 decimals, shown 0.00; dates are dates, shown yyyy-mm-dd; the invoice number
 * column is text (@), so a 20-digit 数电票 number is not turned into 2.63E+19.
 *
 * The hidden sheet's columns are titled 可选类别 / 可选客户, which name no import column, so
 * an import of the filled workbook finds no table there and leaves the sheet out.
 */
import type ExcelJS from 'exceljs';
import { UserError } from '../../../shared/errors';
import type { Book } from '../book/book';
import { safeCell, safeSheetName } from '../excel/safe-cell';
import { writeAtomic } from '../files/paths';
import { listCategories } from '../masters/categories';

/** Lines each form offers: a month's claims of one manager fit; more go on a second form. */
export const TEMPLATE_LINES = 15;
/** The lines table's columns, named as the expenses kind recognises them (columns.ts). */
export const TEMPLATE_COLUMNS = ['日期', '客户名称', '费用类别', '摘要', '发票号码', '金额'] as const;
const LISTS_SHEET = '下拉清单';
const HEAD_ROW = 4;
const FIRST_LINE = HEAD_ROW + 1;
const LAST_LINE = HEAD_ROW + TEMPLATE_LINES;
const TOTAL_ROW = LAST_LINE + 1;
const DATE_FMT = 'yyyy-mm-dd';
const MONEY_FMT = '0.00';
/** Dates the validation accepts: any a claim can carry (the import checks the period itself). */
const DATE_RANGE = [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2099, 11, 31))];

interface Claimant {
  code: string;
  name: string;
  department: string;
}

function claimants(book: Book, employeeCode: string | undefined): Claimant[] {
  let query = book.q
    .selectFrom('employee as e')
    .leftJoin('department as d', 'd.id', 'e.department_id')
    .select((eb) => ['e.code', 'e.name', eb.fn.coalesce('d.name', eb.val('')).as('department')])
    .where('e.active', '=', 1)
    .orderBy('e.code');
  if (employeeCode !== undefined) query = query.where('e.code', '=', employeeCode);
  const rows: Claimant[] = book.db.all(query);
  if (employeeCode !== undefined && rows.length === 0) throw new UserError('masters.notFound', { entity: 'employee', id: employeeCode });
  return rows;
}

const thin: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

interface ListRanges {
  category: string | null;
  customer: string | null;
}

/** Where the drop-downs read their lists (null where a list is empty: no drop-down then). */
function listRanges(categories: number, customers: number): ListRanges {
  const range = (col: string, n: number) => (n === 0 ? null : `'${LISTS_SHEET}'!$${col}$2:$${col}$${n + 1}`);
  return { category: range('A', categories), customer: range('B', customers) };
}

/** The hidden sheet the drop-downs read, last in the workbook. */
function addLists(wb: ExcelJS.Workbook, categories: string[], customers: string[]): void {
  const ws = wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  ws.getCell(1, 1).value = '可选类别';
  ws.getCell(1, 2).value = '可选客户';
  categories.forEach((c, i) => (ws.getCell(i + 2, 1).value = safeCell(c)));
  customers.forEach((c, i) => (ws.getCell(i + 2, 2).value = safeCell(c)));
}

function addForm(wb: ExcelJS.Workbook, name: string, who: Claimant | null, lists: ListRanges): void {
  const ws = wb.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = [{ width: 13 }, { width: 24 }, { width: 14 }, { width: 24 }, { width: 24 }, { width: 13 }];

  ws.mergeCells(1, 1, 1, 6);
  const title = ws.getCell(1, 1);
  title.value = '费用报销单';
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center' };

  // Labelled fields: the label in one cell, the value in the next (form.ts readFormHead).
  const label = (row: number, col: number, text: string) => {
    const c = ws.getCell(row, col);
    c.value = text;
    c.alignment = { horizontal: 'right' };
  };
  label(2, 1, '报销人：');
  ws.getCell(2, 2).value = who ? safeCell(who.name) : null;
  label(2, 3, '部门：');
  ws.getCell(2, 4).value = who ? safeCell(who.department) || null : null;
  label(2, 5, '报销日期：');
  ws.getCell(2, 6).numFmt = DATE_FMT;
  validate(ws, 'F2', DATE_RULE);
  label(3, 1, '单据编号：');
  ws.getCell(3, 2).numFmt = '@';
  label(3, 3, '附件张数：');
  validate(ws, 'D3', { type: 'whole', operator: 'between', allowBlank: true, formulae: [0, 999], showErrorMessage: true, errorTitle: '附件张数', error: '请填写 0 到 999 的整数' });

  const head = ws.getRow(HEAD_ROW);
  head.values = [...TEMPLATE_COLUMNS];
  head.font = { bold: true };
  head.alignment = { horizontal: 'center' };
  for (let col = 1; col <= TEMPLATE_COLUMNS.length; col++) ws.getCell(HEAD_ROW, col).border = thin;

  for (let r = FIRST_LINE; r <= LAST_LINE; r++) {
    for (let col = 1; col <= TEMPLATE_COLUMNS.length; col++) ws.getCell(r, col).border = thin;
    ws.getCell(r, 1).numFmt = DATE_FMT;
    ws.getCell(r, 5).numFmt = '@';
    ws.getCell(r, 6).numFmt = MONEY_FMT;
  }
  const lines = (col: number) => `${ws.getColumn(col).letter}${FIRST_LINE}:${ws.getColumn(col).letter}${LAST_LINE}`;
  validate(ws, lines(1), DATE_RULE);
  // A new customer may still be typed (the import creates it): a warning, not a stop.
  if (lists.customer) validate(ws, lines(2), { type: 'list', allowBlank: true, formulae: [lists.customer], showErrorMessage: true, errorStyle: 'warning', errorTitle: '客户名称', error: '不在客户清单中：确认是新客户吗？' });
  // An unknown category is rejected by the import: stop it here.
  if (lists.category) validate(ws, lines(3), { type: 'list', allowBlank: true, formulae: [lists.category], showErrorMessage: true, errorStyle: 'error', errorTitle: '费用类别', error: '请从下拉清单中选择费用类别' });
  validate(ws, lines(6), amountRule(`${ws.getColumn(6).letter}${FIRST_LINE}`));

  // 合计 row: the figures are the lines' sum; 大写 is the claimant's to write (the import checks both against the lines).
  const total = ws.getRow(TOTAL_ROW);
  total.getCell(1).value = '合计';
  total.getCell(2).value = '大写：';
  total.getCell(2).alignment = { horizontal: 'right' };
  ws.mergeCells(TOTAL_ROW, 3, TOTAL_ROW, 5);
  const sumCol = ws.getColumn(6).letter;
  total.getCell(6).value = { formula: `SUM(${sumCol}${FIRST_LINE}:${sumCol}${LAST_LINE})` };
  total.getCell(6).numFmt = MONEY_FMT;
  total.font = { bold: true };
  for (let col = 1; col <= TEMPLATE_COLUMNS.length; col++) total.getCell(col).border = thin;

  const sign = ws.getRow(TOTAL_ROW + 2);
  sign.getCell(1).value = '部门负责人：';
  sign.getCell(3).value = '财务审核：';
  sign.getCell(5).value = '报销人签字：';
  ws.views = [{ state: 'frozen', ySplit: HEAD_ROW }];
}

/**
 * One validation over a range. exceljs 4.4 writes validations set cell by cell
 * (cell.dataValidation) by squeezing them in address order compared as text — A10 before
 * A5 — which leaves overlapping ranges (A10:A19 and A5:A19); a range given as the key of
 * the sheet's validation model is written as it is (its reader still gives every cell the rule).
 */
function validate(ws: ExcelJS.Worksheet, range: string, rule: ExcelJS.DataValidation): void {
  (ws as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations.add(range, rule);
}

const DATE_RULE: ExcelJS.DataValidation = { type: 'date', operator: 'between', allowBlank: true, formulae: DATE_RANGE, showErrorMessage: true, errorTitle: '日期', error: '请填写日期，例如 2026-11-05' };

/**
 * ≥ 0 with at most 2 decimals: one custom rule (Excel's decimal type cannot limit decimals).
 * Its references are relative to the range's first cell, as Excel reads them for each cell.
 */
function amountRule(first: string): ExcelJS.DataValidation {
  const a = first;
  return { type: 'custom', allowBlank: true, formulae: [`AND(ISNUMBER(${a}),${a}>=0,ROUND(${a},2)=${a})`], showErrorMessage: true, errorTitle: '金额', error: '请填写不小于 0、最多两位小数的金额（元）' };
}

/** Writes the template to `path` (already through the output rules); returns the form sheets' names. */
export async function writeClaimTemplate(book: Book, path: string, employeeCode?: string): Promise<{ path: string; sheets: string[] }> {
  const who = claimants(book, employeeCode);
  const categories = listCategories(book)
    .filter((c) => c.active)
    .map((c) => c.name);
  const customers = book.db.all(book.q.selectFrom('customer').select('name').where('active', '=', 1).orderBy('code')).map((r) => r.name);
  // Loaded on first use: exceljs is ~0.6 s of CPU to load, paid by every engine start when imported at the top (issue 19).
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'client-ledger';
  const taken = new Set<string>([LISTS_SHEET.toLowerCase()]);
  // Forms first (the sheet Excel opens on), the lists last and hidden.
  const names = (who.length ? who : [null]).map((w) => safeSheetName(w ? w.name : '报销单', taken));
  const lists = listRanges(categories.length, customers.length);
  names.forEach((name, i) => addForm(wb, name, who[i] ?? null, lists));
  addLists(wb, categories, customers);
  await writeAtomic(path, (tmp) => wb.xlsx.writeFile(tmp));
  return { path, sheets: names };
}
