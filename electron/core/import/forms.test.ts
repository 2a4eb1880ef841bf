/**
 * 费用报销单 forms (issue 18): the samples import to exactly their expected result, and
 * forms built here cover each layout a form comes in — one per sheet, several stacked on
 * one sheet, 大写 with and without figures, a wrong 大写 total, full-width colons, labels
 * and values in merged cells, a workbook mixing forms and tables.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/errors';
import { message } from '../../../shared/messages/index';
import { testBook } from '../../../test/support/book';
import { writeXlsx, type CellInput } from '../../../test/support/xlsx';
import type { Book } from '../book/book';
import { previewImport } from './preview';
import { runImport } from './run';

const SAMPLES = join(import.meta.dirname, '../../../test/fixtures/samples');
const HEADER = ['日期', '客户名称', '费用类别', '摘要', '发票号码', '金额'];

const claims = (book: Book) =>
  book.sqlite.prepare('SELECT c.form_no AS formNo, e.name AS employee, c.total_fen AS totalFen, (SELECT COUNT(*) FROM claim_line l WHERE l.claim_id = c.id) AS lines FROM claim c JOIN employee e ON e.id = c.employee_id ORDER BY c.id').all();
const count = (book: Book, table: string) => book.sqlite.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get();

/** One form as people lay it out: title, labelled fields, lines, 合计 row, signatures. */
function form(o: { employee: string; formNo: string; lines: [string, string, string, number][]; total: CellInput[]; head?: CellInput[][] }): CellInput[][] {
  return [
    ['费 用 报 销 单'],
    ...(o.head ?? [['报销人：', o.employee, '部门：', '销售一部', '单据编号：' + o.formNo]]),
    HEADER,
    ...o.lines.map(([date, customer, category, amount]) => [date, customer, category, '拜访', null, amount] as CellInput[]),
    o.total,
    [],
    ['部门负责人：', null, '经办人：', null, '财务审核：'],
  ];
}

describe('form-layout claims: the samples', () => {
  it('sample_form_claims.xlsx imports to exactly its expected result, one claim per form with its number, and again to nothing', async () => {
    const expected = JSON.parse(readFileSync(join(SAMPLES, 'sample_form_claims.expected.json'), 'utf8')) as Record<string, unknown>;
    const book = testBook();
    const file = join(SAMPLES, 'sample_form_claims.xlsx');
    const s = await runImport(book, { kind: 'expenses', path: file }, { locale: 'zh-CN' });
    expect({ accepted: s.accepted, rejected: s.rejected, duplicates: s.duplicates, acceptedTotalFen: s.acceptedTotalFen, byCategory: s.byCategory, rejects: s.rejects, duplicateRows: s.duplicateRows }).toEqual({
      accepted: expected.accepted,
      rejected: expected.rejected,
      duplicates: expected.duplicates,
      acceptedTotalFen: expected.acceptedTotalFen,
      byCategory: expected.byCategory,
      rejects: expected.rejects,
      duplicateRows: expected.duplicateRows,
    });
    expect(s.createdCustomers).toBe(expected.distinctCustomers);
    expect(s.createdEmployees).toBe(expected.distinctEmployees);
    expect(s.rowsRead).toBe(s.accepted + s.rejected + s.duplicates + s.skipped);
    expect(s.forms.map((f) => [f.sheet, f.formNo, f.employee, f.lines])).toEqual([
      ['张伟-01', 'BX-2026-11-001', '张伟', 8],
      ['王芳-02', 'BX-2026-11-002', '王芳', 10],
      ['李娜-03', 'BX-2026-11-003', '李娜', 6],
      ['刘洋-04', 'BX-2026-11-004', '刘洋', 10],
    ]);
    // Each form's stated total is its claim's total.
    expect(claims(book)).toEqual(s.forms.map((f) => ({ formNo: f.formNo, employee: f.employee, totalFen: f.totalFen, lines: f.lines })));
    expect(s.forms.reduce((t, f) => t + f.totalFen, 0)).toBe(expected.acceptedTotalFen);

    const again = await runImport(book, { kind: 'expenses', path: file }, { locale: 'zh-CN' });
    expect([again.accepted, again.duplicates, again.createdEmployees]).toEqual([0, expected.accepted, 0]);
    expect(count(book, 'claim')).toBe(4);
  });

  it('sample_form_bad_total.xlsx: the form whose total is 100.00 more than its lines is rejected whole, nothing written', async () => {
    const book = testBook();
    const s = await runImport(book, { kind: 'expenses', path: join(SAMPLES, 'sample_form_bad_total.xlsx') }, { locale: 'en' });
    expect([s.accepted, s.rejected]).toEqual([0, 4]);
    const reason = message('en', 'import.reject.form.totalMismatch', { form: '', figures: '652.06', daxie: '652.06', lines: '552.06' });
    expect(s.rejects.map((r) => r.reason)).toEqual([reason, reason, reason, reason]);
    expect(s.forms).toEqual([{ sheet: '报销单', formNo: '', employee: '刘洋', lines: 4, totalFen: 65206, reason }]);
    expect([count(book, 'claim'), count(book, 'claim_line'), count(book, 'employee'), count(book, 'customer')]).toEqual([0, 0, 0, 0]);
  });

  it('sample_form_invoices.xlsx: three forms (a workbook with inline strings: every sheet read), 18 lines', async () => {
    const expected = JSON.parse(readFileSync(join(SAMPLES, 'sample_invoices.expected.json'), 'utf8')) as { claimLines: number; forms: number };
    const book = testBook();
    const s = await runImport(book, { kind: 'expenses', path: join(SAMPLES, 'sample_form_invoices.xlsx') }, { locale: 'en' });
    expect([s.forms.length, s.accepted]).toEqual([expected.forms, expected.claimLines]);
    expect(claims(book).map((c) => (c as { formNo: string }).formNo)).toEqual(['BX202611001', 'BX202611002', 'BX202611003']);
  });
});

describe('form-layout claims: forms built here', () => {
  it('one form per sheet, full-width colons, labels and values in merged cells, 大写 and figures', async () => {
    const book = testBook();
    const rows: CellInput[][] = [
      ['费用报销单'],
      ['报 销 人：', null, '赵六', null, '部门：', '市场部'],
      ['报销日期：2026年11月30日', null, null, '单据编号：', 'BX-77'],
      HEADER,
      ['2026-11-02', '华东机械', '差旅费', '拜访', null, 1000.5],
      ['2026-11-03', '南粤食品', '餐费', '工作餐', null, '234.00'],
      ['合计（大写）：壹仟贰佰叁拾肆元伍角整', null, null, null, '小写：', 1234.5],
      ['报销人签字：', null, '审核：'],
    ];
    const file = await writeXlsx([
      { name: '赵六', rows, merge: ['A1:F1', 'A2:B2', 'C2:D2', 'A3:C3', 'A7:D7'] },
      { name: '钱七', rows: form({ employee: '钱七', formNo: 'BX-78', lines: [['2026-11-04', '华东机械', '交通费', 56]], total: ['合计', null, null, null, null, 56] }) },
    ]);
    const s = await runImport(book, { kind: 'expenses', path: file }, { locale: 'zh-CN' });
    expect(s.rejects).toEqual([]);
    expect(s.accepted).toBe(3);
    expect(claims(book)).toEqual([
      { formNo: 'BX-77', employee: '赵六', totalFen: 123450, lines: 2 },
      { formNo: 'BX-78', employee: '钱七', totalFen: 5600, lines: 1 },
    ]);
    expect(s.forms.map((f) => f.totalFen)).toEqual([123450, 5600]);
  });

  it('several forms stacked on one sheet: figures only, 大写 only, both; a wrong 大写 rejects only its own form', async () => {
    const book = testBook();
    const sheet = [
      ...form({ employee: '张伟', formNo: 'F-1', lines: [['2026-11-01', '甲公司', '差旅费', 100], ['2026-11-02', '甲公司', '餐费', 200]], total: ['合计', null, null, null, null, 300] }),
      [],
      ...form({ employee: '王芳', formNo: 'F-2', lines: [['2026-11-03', '乙公司', '住宿费', 300.25]], total: ['合计（大写）：叁佰元贰角伍分'] }),
      ...form({ employee: '李娜', formNo: 'F-3', lines: [['2026-11-04', '丙公司', '礼品', 10], ['2026-11-05', '丙公司', '礼品', 20.07]], total: ['合计（大写）', '叁拾元零柒分', null, null, '小写', 30.07] }),
      // 大写 says 100.00 more than the lines (and than its own figures).
      ...form({ employee: '刘洋', formNo: 'F-4', lines: [['2026-11-06', '丁公司', '交通费', 12], ['2026-11-07', '丁公司', '交通费', 8]], total: ['合计（大写）', '壹佰贰拾元整', null, null, '小写', 20] }),
    ];
    const file = await writeXlsx([{ name: '11月报销', rows: sheet }]);
    const s = await runImport(book, { kind: 'expenses', path: file }, { locale: 'zh-CN' });
    expect(s.forms.map((f) => [f.formNo, f.employee, f.lines, f.totalFen, f.reason ?? null])).toEqual([
      ['F-1', '张伟', 2, 30000, null],
      ['F-2', '王芳', 1, 30025, null],
      ['F-3', '李娜', 2, 3007, null],
      ['F-4', '刘洋', 2, 2000, message('zh-CN', 'import.reject.form.totalMismatch', { form: 'F-4', figures: '20.00', daxie: '120.00', lines: '20.00' })],
    ]);
    expect([s.accepted, s.rejected]).toEqual([5, 2]);
    expect(s.rowsRead).toBe(s.accepted + s.rejected + s.duplicates + s.skipped);
    expect(claims(book)).toEqual([
      { formNo: 'F-1', employee: '张伟', totalFen: 30000, lines: 2 },
      { formNo: 'F-2', employee: '王芳', totalFen: 30025, lines: 1 },
      { formNo: 'F-3', employee: '李娜', totalFen: 3007, lines: 2 },
    ]);
    // Nothing of the rejected form: not its claimant, not its customer.
    expect(book.sqlite.prepare(`SELECT COUNT(*) FROM employee WHERE name = '刘洋'`).pluck().get()).toBe(0);
    expect(book.sqlite.prepare(`SELECT COUNT(*) FROM customer WHERE name = '丁公司'`).pluck().get()).toBe(0);
  });

  it('labels without a colon, value after a space in the same cell; a line with its own claimant keeps it', async () => {
    const book = testBook();
    const rows: CellInput[][] = [
      ['报销单'],
      ['报销人 孙八', null, '部门', '销售二部', '报销单号', 'NO.0099'],
      ['日期', '报销人', '客户', '类别', '金额'],
      ['2026-11-09', null, '甲公司', '交通费', 15],
      ['2026-11-10', '周九', '甲公司', '交通费', 25],
      ['合计', null, null, null, 40],
    ];
    const s = await runImport(book, { kind: 'expenses', path: await writeXlsx([{ name: 'S', rows }]) }, { locale: 'en' });
    expect(s.forms.map((f) => [f.formNo, f.employee, f.totalFen])).toEqual([['NO.0099', '孙八', 4000]]);
    expect(claims(book)).toEqual([
      { formNo: 'NO.0099', employee: '孙八', totalFen: 1500, lines: 1 },
      { formNo: 'NO.0099', employee: '周九', totalFen: 2500, lines: 1 },
    ]);
  });

  it('a workbook mixing a form and a table is read sheet by sheet', async () => {
    const book = testBook();
    const file = await writeXlsx([
      { name: '报销单', rows: form({ employee: '张伟', formNo: 'F-9', lines: [['2026-11-01', '甲公司', '差旅费', 100]], total: ['合计（大写）', '壹佰元整'] }) },
      { name: '明细', rows: [['日期', '报销人', '客户', '费用类别', '金额'], ['2026-11-02', '王芳', '乙公司', '餐费', 50], ['2026-11-03', '王芳', '乙公司', '餐费', 60]] },
    ]);
    const s = await runImport(book, { kind: 'expenses', path: file }, { locale: 'en' });
    expect(s.accepted).toBe(3);
    expect(s.forms.map((f) => f.sheet)).toEqual(['报销单']);
    expect(claims(book)).toEqual([
      { formNo: 'F-9', employee: '张伟', totalFen: 10000, lines: 1 },
      { formNo: null, employee: '王芳', totalFen: 11000, lines: 2 },
    ]);
  });

  it('a sheet that is neither a form nor a table with an employee column: the message names the column in the UI language', async () => {
    const book = testBook();
    const file = await writeXlsx([{ name: '张伟-01', rows: [['日期', '客户', '费用类别', '金额'], ['2026-11-01', '甲公司', '差旅费', 10]] }]);
    const err = await runImport(book, { kind: 'expenses', path: file }, { locale: 'zh-CN' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    const e = err as UserError;
    expect(message('zh-CN', e.code, e.params)).toBe('工作表“张伟-01”缺少必需的列：报销人');
    expect(message('en', e.code, e.params)).toBe('Sheet "张伟-01" lacks required columns: Employee');
    expect(count(book, 'claim')).toBe(0);
  });

  it('the preview shows each form as the claim it becomes, a rejected form with its reason', async () => {
    const book = testBook();
    const sheet = [
      ...form({ employee: '张伟', formNo: 'F-1', lines: [['2026-11-01', '甲公司', '差旅费', 100]], total: ['合计', null, null, null, null, 100] }),
      ...form({ employee: '王芳', formNo: 'F-2', lines: [['2026-11-03', '乙公司', '住宿费', 300]], total: ['合计（大写）', '肆佰元整'] }),
    ];
    const p = await previewImport(book, { kind: 'expenses', path: await writeXlsx([{ name: 'S', rows: sheet }]) }, 'en');
    const forms = p.sheets[0]!.forms;
    expect(forms.map((f) => [f.formNo, f.employee, f.department, f.lines, f.totalFen, !!f.reason])).toEqual([
      ['F-1', '张伟', '销售一部', 1, 10000, false],
      ['F-2', '王芳', '销售一部', 1, 40000, true],
    ]);
    expect(p.sheets[0]!.missing).toEqual([]);
    expect(p.sheets[0]!.rows.filter((r) => r.status === 'rejected').map((r) => r.reason)).toEqual([forms[1]!.reason]);
    expect(count(book, 'claim')).toBe(0);
  });
});
