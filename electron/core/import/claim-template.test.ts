/**
 * The 费用报销单 template (issue 18): its layout, drop-downs and formats as Excel will see
 * them, and a template filled in as a claimant would (exceljs standing in for Excel: typed
 * cells, the 合计 formula's value as Excel saves it, 大写 written by hand) imports exactly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fenToDaxie } from '../../../shared/daxie';
import { UserError } from '../../../shared/errors';
import { addCustomer, addEmployee, testBook } from '../../../test/support/book';
import { tempDir } from '../../../test/support/temp';
import type { Book } from '../book/book';
import { TEMPLATE_LINES, writeClaimTemplate } from './claim-template';
import { previewImport } from './preview';
import { runImport } from './run';

const TOTAL_ROW = 4 + TEMPLATE_LINES + 1;

/** The XML of the n-th worksheet part, as Excel will read it. */
async function sheetXmlOf(path: string, n: number): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  return zip.file(`xl/worksheets/sheet${n}.xml`)!.async('string');
}

function book(): Book {
  const b = testBook({ firstPeriod: '2026-01' });
  b.tx(() => {
    const dept = Number(b.sqlite.prepare(`INSERT INTO department (code, name, name_key) VALUES ('D01', '销售一部', '销售一部')`).run().lastInsertRowid);
    addEmployee(b, 'E0001', '张伟');
    addEmployee(b, 'E0002', '王芳');
    b.sqlite.prepare('UPDATE employee SET department_id = ? WHERE code = ?').run(dept, 'E0001');
    addCustomer(b, 'C0001', '华东机械有限公司');
    addCustomer(b, 'C0002', '南粤食品有限公司');
  });
  return b;
}

type Line = { date: string; customer: string; category: string; description: string; invoice: string | null; amount: number };

/** Types lines into a form sheet the way a claimant fills it in Excel; Excel saves the 合计 formula's value with it. */
function fill(ws: ExcelJS.Worksheet, lines: Line[], o: { formNo: string; daxie?: string }): number {
  ws.getCell('B3').value = o.formNo;
  ws.getCell('F2').value = new Date(Date.UTC(2026, 10, 30));
  lines.forEach((l, i) => {
    const r = 5 + i;
    const [y, m, d] = l.date.split('-').map(Number) as [number, number, number];
    ws.getCell(r, 1).value = new Date(Date.UTC(y, m - 1, d));
    ws.getCell(r, 2).value = l.customer;
    ws.getCell(r, 3).value = l.category;
    ws.getCell(r, 4).value = l.description;
    ws.getCell(r, 5).value = l.invoice;
    ws.getCell(r, 6).value = l.amount;
  });
  const fen = lines.reduce((t, l) => t + Math.round(l.amount * 100), 0);
  const sum = ws.getCell(TOTAL_ROW, 6);
  sum.value = { formula: (sum.value as { formula: string }).formula, result: fen / 100 };
  if (o.daxie !== undefined) ws.getCell(TOTAL_ROW, 3).value = o.daxie;
  return fen;
}

const claimLines = (b: Book) =>
  b.sqlite
    .prepare(
      `SELECT c.form_no AS formNo, e.name AS employee, l.date, cu.name AS customer, cat.name AS category, l.description, l.invoice_no AS invoice, l.amount_fen AS amountFen
         FROM claim_line l JOIN claim c ON c.id = l.claim_id JOIN employee e ON e.id = c.employee_id JOIN category cat ON cat.id = l.category_id
         LEFT JOIN customer cu ON cu.id = l.customer_id ORDER BY c.id, l.line_no`,
    )
    .all();

describe('费用报销单 template', () => {
  it('one form per active employee, laid out as the form import reads it, with drop-downs from the book and formats set', async () => {
    const b = book();
    const out = join(tempDir('cl-tpl-'), '报销单模板.xlsx');
    const r = await writeClaimTemplate(b, out);
    expect(r.sheets).toEqual(['张伟', '王芳']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['张伟', 'visible'],
      ['王芳', 'visible'],
      ['下拉清单', 'hidden'],
    ]);
    const ws = wb.getWorksheet('张伟')!;
    expect([ws.getCell('A2').value, ws.getCell('B2').value, ws.getCell('C2').value, ws.getCell('D2').value, ws.getCell('E2').value]).toEqual(['报销人：', '张伟', '部门：', '销售一部', '报销日期：']);
    expect([ws.getCell('A3').value, ws.getCell('C3').value]).toEqual(['单据编号：', '附件张数：']);
    expect(ws.getRow(4).values).toEqual([undefined, '日期', '客户名称', '费用类别', '摘要', '发票号码', '金额']);
    expect(ws.getCell(TOTAL_ROW, 1).value).toBe('合计');
    expect(ws.getCell(TOTAL_ROW, 6).value).toEqual({ formula: `SUM(F5:F${4 + TEMPLATE_LINES})` });
    expect(ws.getCell(TOTAL_ROW, 3).value).toBeNull();
    // The lists sheet holds the book's active categories and customers; the drop-downs point at them.
    const lists = wb.getWorksheet('下拉清单')!;
    const categories = b.sqlite.prepare('SELECT name FROM category WHERE active = 1 ORDER BY id').pluck().all() as string[];
    expect(lists.getColumn(1).values.slice(2)).toEqual(categories);
    expect(lists.getColumn(2).values.slice(2)).toEqual(['华东机械有限公司', '南粤食品有限公司']);
    for (const row of [5, 4 + TEMPLATE_LINES]) {
      expect(ws.getCell(row, 3).dataValidation).toMatchObject({ type: 'list', formulae: [`'下拉清单'!$A$2:$A$${categories.length + 1}`], errorStyle: 'error' });
      expect(ws.getCell(row, 2).dataValidation).toMatchObject({ type: 'list', formulae: [`'下拉清单'!$B$2:$B$3`], errorStyle: 'warning' });
      expect(ws.getCell(row, 1).numFmt).toBe('yyyy-mm-dd');
      expect(ws.getCell(row, 1).dataValidation).toMatchObject({ type: 'date', operator: 'between' });
      expect(ws.getCell(row, 6).numFmt).toBe('0.00');
      // One rule over the column, relative to its first cell (Excel shifts it for each cell).
      expect(ws.getCell(row, 6).dataValidation).toMatchObject({ type: 'custom', formulae: ['AND(ISNUMBER(F5),F5>=0,ROUND(F5,2)=F5)'] });
      expect(ws.getCell(row, 5).numFmt).toBe('@');
    }
    expect(ws.getCell(TOTAL_ROW + 1, 3).dataValidation).toBeUndefined();
    expect(ws.getCell('F2').dataValidation).toMatchObject({ type: 'date' });
    // Each rule is written once over its range, none overlapping (exceljs's cell-by-cell squeeze would overlap A10:A19 and A5:A19).
    const sheetXml = await sheetXmlOf(out, 1);
    const sqrefs = [...sheetXml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]);
    expect(sqrefs.sort()).toEqual(['A5:A19', 'B5:B19', 'C5:C19', 'D3', 'F2', 'F5:F19']);
    // One employee by code; an unknown code is a typed error naming it.
    expect((await writeClaimTemplate(b, out, 'E0002')).sheets).toEqual(['王芳']);
    const err = await writeClaimTemplate(b, out, 'E9999').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).params).toMatchObject({ id: 'E9999' });
    // A book without employees yet: one form whose 报销人 the claimant writes in.
    expect((await writeClaimTemplate(testBook(), out)).sheets).toEqual(['报销单']);
  });

  it('filled in as a claimant would, it imports exactly: every line, one claim per form with its number, the 大写 checked', async () => {
    const b = book();
    const out = join(tempDir('cl-tpl-'), 'template.xlsx');
    await writeClaimTemplate(b, out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const zhang: Line[] = [
      { date: '2026-11-02', customer: '华东机械有限公司', category: '差旅费', description: '拜访客户', invoice: '26312000000012345678', amount: 1000.5 },
      { date: '2026-11-03', customer: '南粤食品有限公司', category: '餐饮费', description: '工作餐', invoice: null, amount: 234 },
      // A customer typed in, not from the list (the drop-down only warns): the import creates it.
      { date: '2026-11-04', customer: '新客户有限公司', category: '交通费', description: '打车', invoice: '26312000000012345679', amount: 0.05 },
    ];
    const wang: Line[] = Array.from({ length: TEMPLATE_LINES }, (_, i) => ({ date: `2026-11-${String(i + 1).padStart(2, '0')}`, customer: '华东机械有限公司', category: '差旅费', description: `第${i + 1}天`, invoice: null, amount: 100 + i + 0.01 * i }));
    const zhangFen = fill(wb.getWorksheet('张伟')!, zhang, { formNo: 'BX-2026-11-001' });
    const wangFen = fill(wb.getWorksheet('王芳')!, wang, { formNo: 'BX-2026-11-002' });
    wb.getWorksheet('张伟')!.getCell(TOTAL_ROW, 3).value = fenToDaxie(zhangFen);
    await wb.xlsx.writeFile(out);

    const s = await runImport(b, { kind: 'expenses', path: out }, { locale: 'zh-CN' });
    expect(s.rejects).toEqual([]);
    expect([s.accepted, s.rejected, s.duplicates, s.createdCustomers]).toEqual([3 + TEMPLATE_LINES, 0, 0, 1]);
    expect(s.acceptedTotalFen).toBe(zhangFen + wangFen);
    expect(s.rowsRead).toBe(s.accepted + s.rejected + s.duplicates + s.skipped);
    expect(s.forms.map((f) => [f.sheet, f.formNo, f.employee, f.lines, f.totalFen, f.reason])).toEqual([
      ['张伟', 'BX-2026-11-001', '张伟', 3, zhangFen, undefined],
      ['王芳', 'BX-2026-11-002', '王芳', TEMPLATE_LINES, wangFen, undefined],
    ]);
    const form = (employee: string, formNo: string, lines: Line[]) => lines.map((l) => ({ formNo, employee, date: l.date, customer: l.customer, category: l.category, description: l.description, invoice: l.invoice, amountFen: Math.round(l.amount * 100) }));
    expect(claimLines(b)).toEqual([...form('张伟', 'BX-2026-11-001', zhang), ...form('王芳', 'BX-2026-11-002', wang)]);
    // The lists sheet is no table: nothing read from it.
    expect(s.sheets.map((x) => x.name)).toEqual(['张伟', '王芳']);
    // The head's 部门 and 报销日期 (a date cell) are read as the form's.
    const preview = await previewImport(b, { kind: 'expenses', path: out }, 'zh-CN');
    expect(preview.sheets.flatMap((x) => x.forms).map((f) => [f.employee, f.department, f.date])).toEqual([
      ['张伟', '销售一部', '2026-11-30'],
      ['王芳', '', '2026-11-30'],
    ]);
  });

  it('a wrong 大写 on a filled template rejects that form whole; an unfilled form adds nothing', async () => {
    const b = book();
    const out = join(tempDir('cl-tpl-'), 'template.xlsx');
    await writeClaimTemplate(b, out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const fen = fill(wb.getWorksheet('张伟')!, [{ date: '2026-11-02', customer: '华东机械有限公司', category: '差旅费', description: '拜访', invoice: null, amount: 56 }], { formNo: 'BX-9', daxie: '伍拾柒元整' });
    await wb.xlsx.writeFile(out);
    const s = await runImport(b, { kind: 'expenses', path: out }, { locale: 'zh-CN' });
    expect([s.accepted, s.rejected]).toEqual([0, 1]);
    expect(fen).toBe(5600);
    expect(s.rejects[0]!.reason).toContain('57.00');
    expect(s.forms.map((f) => [f.sheet, f.lines])).toEqual([
      ['张伟', 1],
      ['王芳', 0],
    ]);
    expect(b.sqlite.prepare('SELECT COUNT(*) FROM claim').pluck().get()).toBe(0);
  });
});
