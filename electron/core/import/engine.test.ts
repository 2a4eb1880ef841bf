/** Reading messy expense sheets: titles, merged cells, odd headers, blanks, footers, formulas; duplicates; undo; reject report. */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addCustomer, addEmployee, testBook } from '../../../test/support/book';
import { tempDir } from '../../../test/support/temp';
import { writeXlsx, type CellInput } from '../../../test/support/xlsx';
import { checkBook } from '../book/check';
import { createClaim } from '../claims/create';
// The service registers every domain's book checks (masters audit, ledger totals).
import { undoBatch } from './batches';
import { writeRejectReport } from './rejects';
import { runImport } from './run';

const HEADER: CellInput[] = ['序号', '报销\n日期', '报销人', '部门', '客户名称', '费用类别', '摘要', '发票号码', '金额\n（元）', '备注'];

async function messySheet(): Promise<string> {
  return writeXlsx([
    { name: 'Readme', rows: [['说明'], ['请按模板填写']] },
    {
      name: '11月明细',
      merge: ['A1:J1'],
      rows: [
        ['某某科技有限公司 2026年11月 费用报销明细表'],
        ['制表：财务部', null, null, null, null, null, null, null, '单位：元'],
        [],
        HEADER,
        [1, '2026-11-02', '张伟', '', '蓝海贸易（上海）有限公司', '差旅', '拜访', 'INV-1', '¥1,200.50'],
        [2, '2026/11/3', '李娜', '', '新客户有限公司', '不存在的类别', '拜访', 'INV-2', 300],
        [],
        [3, '2026年11月4日', '李娜', '', '蓝海贸易(上海)有限公司', ' ＣＲＭ ', '年费', null, { formula: 'SUM(1,2)', result: 3 }],
        [4, '03/05/2026', '王芳', '', '恒信物流', '餐费', '工作餐', null, 88],
        [5, '2026.11.05', '王芳', '', '', 'meals', '工作餐', null, '（12.00）'],
        [6, '2026.11.05', '王芳', '', '', 'meals', '加班餐', null, '１２.５０'],
        [7, '2026.11.05', '王芳', '', '', 'meals', '加班餐', null, 12.5],
        ['合计', null, null, null, null, null, null, null, { formula: 'SUM(I5:I11)', result: 1616 }],
        [],
        ['审核：', null, '出纳：'],
      ],
    },
  ]);
}

describe('reading an expense sheet', () => {
  it('finds the header under titles, skips blanks and everything from the footer down, counts every row', async () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const s = await runImport(book, { kind: 'expenses', path: await messySheet() }, { locale: 'zh-CN' });
    expect(s.sheets).toEqual([{ name: '11月明细', headerRow: 4, rowsRead: 11, accepted: 3, rejected: 3, duplicates: 1, skipped: 4 }]);
    expect(s.rejects.map((r) => [r.row, r.reason])).toEqual([
      [6, '无法识别的费用类别“不存在的类别”'],
      [9, '日期有歧义（可能是日/月，也可能是月/日），请写成 2026-10-03 格式'],
      [10, '报销金额为负数（退款或冲减请用凭证处理）'],
    ]);
    expect(s.duplicateRows).toEqual([{ sheet: '11月明细', row: 12 }]);
    // Each rejected row carries the values it was read with, for the result screen.
    expect(s.rejectValues).toHaveLength(3);
    expect(s.rejectValues[0]).toContain('不存在的类别');
    expect(s.rejectValues[1]!.join(' ')).toMatch(/\d{2}\/\d{2}\/2026/);
    expect(s.acceptedTotalFen).toBe(120050 + 300 + 1250);
    expect(s.byCategory).toEqual({ CRM: 300, MEALS: 1250, TRAVEL: 120050 });
    // Full-width brackets are the same customer; the rejected row's new customer was never created.
    expect(s.createdCustomers).toBe(1);
    expect(book.sqlite.prepare('SELECT name FROM customer').pluck().all()).toEqual(['蓝海贸易（上海）有限公司']);
    expect(s.createdEmployees).toBe(3);
    expect(book.sqlite.prepare('SELECT code, name FROM employee ORDER BY code').all()).toEqual([
      { code: 'E0001', name: '张伟' },
      { code: 'E0002', name: '李娜' },
      { code: 'E0003', name: '王芳' },
    ]);
  });

  it('reads only the sheet asked for', async () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const path = await writeXlsx([
      { name: 'A', rows: [['日期', '报销人', '费用类别', '金额'], ['2026-10-01', '甲', '差旅', 10]] },
      { name: 'B', rows: [['日期', '报销人', '费用类别', '金额'], ['2026-10-01', '乙', '差旅', 20]] },
    ]);
    const s = await runImport(book, { kind: 'expenses', path, sheet: 'B' }, { locale: 'zh-CN' });
    expect(s.sheets.map((x) => x.name)).toEqual(['B']);
    expect(s.acceptedTotalFen).toBe(2000);
  });
});

describe('duplicates', () => {
  it('by invoice number against any claim, and by content against earlier batches', async () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const emp = addEmployee(book, 'E0001', '张伟');
    const cat = book.sqlite.prepare(`SELECT id FROM category WHERE code = 'TRAVEL'`).pluck().get() as number;
    book.tx(() => createClaim(book, { employeeId: emp, lines: [{ date: '2026-10-01', categoryId: cat, amountFen: 100, invoiceNo: 'A-1' }] }));
    const rows: CellInput[][] = [['日期', '报销人', '客户', '费用类别', '摘要', '发票号', '金额']];
    const first = await writeXlsx([{ name: 'S', rows: [...rows, ['2026-10-02', '张伟', '甲公司', '差旅', '拜访', 'A-1', 50], ['2026-10-03', '张伟', '甲公司', '差旅', '拜访', null, 60]] }]);
    const s1 = await runImport(book, { kind: 'expenses', path: first }, { locale: 'zh-CN' });
    expect([s1.accepted, s1.duplicates]).toEqual([1, 1]);
    // Another file, same line typed again (spaces and width differ): a duplicate.
    const second = await writeXlsx([{ name: 'T', rows: [...rows, ['2026/10/3', ' 张伟 ', '甲公司', 'Travel', '拜访', null, '60.00'], ['2026-10-03', '张伟', '甲公司', '差旅', '拜访', null, 61]] }]);
    const s2 = await runImport(book, { kind: 'expenses', path: second }, { locale: 'zh-CN' });
    expect(s2.duplicateRows).toEqual([{ sheet: 'T', row: 2 }]);
    expect(s2.accepted).toBe(1);
  });
});

describe('duplicates by content', () => {
  const rows: CellInput[][] = [['日期', '报销人', '客户', '费用类别', '摘要', '金额']];

  it('are found in the lines of imported claims (no second record per line), never in claims typed by hand', async () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const emp = addEmployee(book, 'E0001', '张伟');
    const cust = addCustomer(book, 'C0001', '甲公司');
    const cat = book.sqlite.prepare(`SELECT id FROM category WHERE code = 'TRAVEL'`).pluck().get() as number;
    // Typed on the claim screen: the same content imported later is a new line, not a duplicate.
    book.tx(() => createClaim(book, { employeeId: emp, lines: [{ date: '2026-10-05', categoryId: cat, customerId: cust, description: '手工', amountFen: 500 }] }));
    const first = await writeXlsx([{ name: 'S', rows: [...rows, ['2026-10-05', '张伟', '甲公司', '差旅', '手工', 5], ['2026-10-06', '张伟', '甲公司', '差旅', 'Visit ＡＢＣ', 7], ['2026-10-06', '张伟', '', '差旅', '无客户', 8]] }]);
    const s1 = await runImport(book, { kind: 'expenses', path: first }, { locale: 'zh-CN' });
    expect([s1.accepted, s1.duplicates]).toEqual([3, 0]);
    expect(book.sqlite.prepare('SELECT COUNT(*) FROM import_line').pluck().get()).toBe(0);
    // Same content (description folded as names are), and near misses: another customer, amount, date or person.
    const second = await writeXlsx([
      {
        name: 'T',
        rows: [
          ...rows,
          ['2026-10-06', '张伟', '甲公司', '差旅', ' visit abc ', '7.00'],
          ['2026-10-06', '张伟', ' ', '差旅', '无客户', 8],
          ['2026-10-06', '张伟', '乙公司', '差旅', 'Visit ＡＢＣ', 7],
          ['2026-10-06', '张伟', '甲公司', '差旅', 'Visit ＡＢＣ', 7.01],
          ['2026-10-07', '张伟', '甲公司', '差旅', 'Visit ＡＢＣ', 7],
          ['2026-10-06', '李娜', '甲公司', '差旅', 'Visit ＡＢＣ', 7],
        ],
      },
    ]);
    const s2 = await runImport(book, { kind: 'expenses', path: second }, { locale: 'zh-CN' });
    expect(s2.duplicateRows).toEqual([
      { sheet: 'T', row: 2 },
      { sheet: 'T', row: 3 },
    ]);
    expect(s2.accepted).toBe(4);
    // Undone, the first batch's lines are no longer "imported before".
    book.tx(() => undoBatch(book, s1.batchId));
    const again = await runImport(book, { kind: 'expenses', path: second }, { locale: 'zh-CN' });
    expect([again.accepted, again.duplicates]).toEqual([2, 4]);
  });

  it('rows imported as vouchers count for a later import as claims, and the other way round', async () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const a = await writeXlsx([{ name: 'S', rows: [...rows, ['2026-10-06', '张伟', '甲公司', '差旅', '拜访', 7]] }]);
    const b = await writeXlsx([{ name: 'S', rows: [...rows, ['2026-10-06', '张伟', '甲公司', '差旅', '拜访', 7], ['2026-10-08', '张伟', '甲公司', '差旅', '拜访', 9]] }]);
    expect((await runImport(book, { kind: 'expenses', path: a, as: 'vouchers' }, { locale: 'zh-CN' })).accepted).toBe(1);
    const claims = await runImport(book, { kind: 'expenses', path: b }, { locale: 'zh-CN' });
    expect([claims.accepted, claims.duplicates]).toEqual([1, 1]);
    const c = await writeXlsx([{ name: 'S', rows: [...rows, ['2026-10-08', '张伟', '甲公司', '差旅', '拜访', 9]] }]);
    expect((await runImport(book, { kind: 'expenses', path: c, as: 'vouchers' }, { locale: 'zh-CN' })).duplicates).toBe(1);
  });
});

describe('undo', () => {
  it('removes the claims and the masters a batch created; the file can then be imported again', async () => {
    const book = testBook({ firstPeriod: '2026-01' });
    addCustomer(book, 'C0001', '老客户');
    const path = await messySheet();
    const s = await runImport(book, { kind: 'expenses', path }, { locale: 'zh-CN' });
    const r = book.tx(() => undoBatch(book, s.batchId));
    expect(r.deletedClaims).toBe(3);
    expect(book.sqlite.prepare('SELECT COUNT(*) FROM claim_line').pluck().get()).toBe(0);
    expect(book.sqlite.prepare('SELECT name FROM customer').pluck().all()).toEqual(['老客户']);
    expect(book.sqlite.prepare('SELECT COUNT(*) FROM employee').pluck().get()).toBe(0);
    expect(() => book.tx(() => undoBatch(book, s.batchId))).toThrow(expect.objectContaining({ code: 'import.alreadyUndone' }));
    const again = await runImport(book, { kind: 'expenses', path }, { locale: 'zh-CN' });
    expect(again.accepted).toBe(s.accepted);
    expect(again.sameFileBatchId).toBeNull();
    // Masters created and removed again are audited: book check finds nothing wrong.
    expect(checkBook(book).findings).toEqual([]);
  });

  it('imports submitted claims (one per employee, submitted by the importing user); undo removes them and their steps', async () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const s = await runImport(book, { kind: 'expenses', path: await messySheet() }, { locale: 'zh-CN' });
    const claims = book.sqlite.prepare('SELECT id, status, submitted_at FROM claim WHERE batch_id = ? ORDER BY id').all(s.batchId) as { id: number; status: string; submitted_at: string | null }[];
    expect(claims.map((c) => c.status)).toEqual(['submitted', 'submitted', 'submitted']);
    expect(claims.every((c) => c.submitted_at !== null)).toBe(true);
    const steps = book.sqlite.prepare('SELECT claim_id, step, action, user, comment FROM claim_step ORDER BY claim_id').all();
    expect(steps).toEqual(claims.map((c) => ({ claim_id: c.id, step: 0, action: 'submit', user: book.user, comment: '导入' })));
    expect(book.tx(() => undoBatch(book, s.batchId)).deletedClaims).toBe(3);
    expect(book.sqlite.prepare('SELECT COUNT(*) FROM claim_step').pluck().get()).toBe(0);
    expect(checkBook(book).findings).toEqual([]);
  });

  it('is refused once a claim of the batch was approved', async () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const s = await runImport(book, { kind: 'expenses', path: await messySheet() }, { locale: 'zh-CN' });
    book.sqlite.prepare(`UPDATE claim SET status = 'approved' WHERE batch_id = ?`).run(s.batchId);
    expect(() => book.tx(() => undoBatch(book, s.batchId))).toThrow(expect.objectContaining({ code: 'import.undoClaimMoved' }));
    expect(book.sqlite.prepare('SELECT COUNT(*) FROM claim_line').pluck().get()).toBe(3);
  });
});

describe('expenses as vouchers', () => {
  it('posts Dr the category account (customer, employee) / Cr 2241 (employee); undo reverses them', async () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const s = await runImport(book, { kind: 'expenses', path: await messySheet(), as: 'vouchers' }, { locale: 'zh-CN' });
    expect(s.accepted).toBe(3);
    const lines = book.sqlite
      .prepare(`SELECT account_code, debit_fen, credit_fen, customer_id IS NOT NULL AS c, employee_id IS NOT NULL AS e FROM voucher_line WHERE posted = 1 ORDER BY voucher_id, line_no`)
      .all();
    expect(lines).toEqual([
      { account_code: '56020101', debit_fen: 120050, credit_fen: 0, c: 1, e: 1 },
      { account_code: '2241', debit_fen: 0, credit_fen: 120050, c: 1, e: 1 },
      { account_code: '56020105', debit_fen: 300, credit_fen: 0, c: 1, e: 1 },
      { account_code: '2241', debit_fen: 0, credit_fen: 300, c: 1, e: 1 },
      { account_code: '56020106', debit_fen: 1250, credit_fen: 0, c: 0, e: 1 },
      { account_code: '2241', debit_fen: 0, credit_fen: 1250, c: 0, e: 1 },
    ]);
    expect(book.sqlite.prepare('SELECT COUNT(*) FROM claim').pluck().get()).toBe(0);
    const r = book.tx(() => undoBatch(book, s.batchId));
    expect(r.reversedVouchers).toBe(3);
    expect(checkBook(book).findings).toEqual([]);
    const net = book.sqlite.prepare(`SELECT account_code, SUM(debit_fen - credit_fen) AS n FROM voucher_line WHERE posted = 1 GROUP BY account_code`).all() as { n: number }[];
    expect(net.every((x) => x.n === 0)).toBe(true);
  });

  it('puts deductible tax on 应交税费-进项税额', async () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const path = await writeXlsx([{ name: 'S', rows: [['日期', '报销人', '客户', '费用类别', '金额', '税额', '发票类型'], ['2026-10-02', '张伟', '甲公司', '住宿费', '1,060.00', '60.00', '增值税专用发票']] }]);
    const s = await runImport(book, { kind: 'expenses', path, as: 'vouchers' }, { locale: 'zh-CN' });
    expect(s.acceptedTotalFen).toBe(106000);
    expect(book.sqlite.prepare('SELECT account_code AS a, debit_fen AS d, credit_fen AS c FROM voucher_line ORDER BY line_no').all()).toEqual([
      { a: '56020101', d: 100000, c: 0 },
      { a: '222101', d: 6000, c: 0 },
      { a: '2241', d: 0, c: 106000 },
    ]);
  });

  it('rejects a row whose voucher cannot be posted, and creates nothing for it', async () => {
    const book = testBook({ firstPeriod: '2026-01' });
    book.tx(() => book.sqlite.prepare(`INSERT INTO period (period, status) VALUES ('2026-10', 'closed')`).run());
    const path = await writeXlsx([{ name: 'S', rows: [['日期', '报销人', '客户', '费用类别', '金额'], ['2026-10-02', '新员工', '新客户', '差旅', 50], ['2026-11-02', '张伟', '', '餐费', 60]] }]);
    const s = await runImport(book, { kind: 'expenses', path, as: 'vouchers' }, { locale: 'en' });
    expect(s.rejects).toEqual([{ sheet: 'S', row: 2, reason: 'Period 2026-10 is closed' }]);
    expect([s.accepted, s.createdCustomers, s.createdEmployees]).toEqual([1, 0, 1]);
    expect(book.sqlite.prepare('SELECT name FROM employee').pluck().all()).toEqual(['张伟']);
  });
});

describe('reject report', () => {
  it('holds each rejected row: row number, reason, original values under the original header', async () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const s = await runImport(book, { kind: 'expenses', path: await messySheet() }, { locale: 'zh-CN' });
    const out = join(tempDir(), 'rejects.xlsx');
    expect(await writeRejectReport(book, s.batchId, out, 'zh-CN')).toEqual({ path: out, rows: 3 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('11月明细')!;
    expect((ws.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['行号', '原因', '序号', '报销\n日期']);
    expect((ws.getRow(2).values as unknown[]).slice(1, 7)).toEqual([6, '无法识别的费用类别“不存在的类别”', '2', '2026/11/3', '李娜', '']);
    expect(ws.rowCount).toBe(4);
  });
});
