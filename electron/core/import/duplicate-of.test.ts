import { describe, expect, it } from 'vitest';
import { addEmployee, testBook } from '../../../test/support/book';
import { writeXlsx, type CellInput } from '../../../test/support/xlsx';
import { createClaim } from '../claims/create';
import { runImport } from './run';

describe('a duplicate row names what it repeats', () => {
  it('the claim line with its invoice number, the earlier row of this file, the earlier batch', async () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const emp = addEmployee(book, 'E0001', '张伟');
    const cat = book.sqlite.prepare(`SELECT id FROM category WHERE code = 'TRAVEL'`).pluck().get() as number;
    const claim = book.tx(() => createClaim(book, { employeeId: emp, lines: [{ date: '2026-10-01', categoryId: cat, amountFen: 100, invoiceNo: 'A-1' }] }));
    const head: CellInput[][] = [['日期', '报销人', '客户', '费用类别', '摘要', '发票号', '金额']];
    const first = await writeXlsx([
      {
        name: 'S',
        rows: [
          ...head,
          ['2026-10-02', '张伟', '甲公司', '差旅', '拜访', 'A-1', 50],
          ['2026-10-03', '张伟', '甲公司', '差旅', '拜访', null, 60],
          ['2026-10-03', '张伟', '甲公司', '差旅', '拜访', null, 60],
          ['2026-10-04', '张伟', '甲公司', '差旅', '打车', 'B-2', 70],
          ['2026-10-05', '张伟', '甲公司', '差旅', '高铁', 'B-2', 80],
        ],
      },
    ]);
    const s1 = await runImport(book, { kind: 'expenses', path: first }, { locale: 'zh-CN' });
    expect(s1.duplicateRows).toEqual([
      { sheet: 'S', row: 2 },
      { sheet: 'S', row: 4 },
      { sheet: 'S', row: 6 },
    ]);
    expect(s1.duplicateOf).toEqual([
      `发票号 A-1 相同，重复的是报销单 #${claim} 第 1 行`,
      '日期、报销人、客户、费用类别、金额和摘要都相同，重复的是本文件 S 第 3 行',
      '发票号 B-2 相同，重复的是本文件 S 第 5 行',
    ]);
    const imported = book.sqlite.prepare(`SELECT id FROM claim WHERE batch_id = ?`).pluck().get(s1.batchId) as number;
    const second = await writeXlsx([{ name: 'T', rows: [...head, ['2026-10-03', '张伟', '甲公司', '差旅', '拜访', null, 60], ['2026-10-09', '张伟', '甲公司', '差旅', '出租', 'B-2', 9]] }]);
    const s2 = await runImport(book, { kind: 'expenses', path: second }, { locale: 'en' });
    expect(s2.duplicateOf).toEqual([
      `Same date, employee, customer, category, amount and description as claim #${imported} line 1 (import batch #${s1.batchId})`,
      `Same invoice number B-2 as claim #${imported} line 2 (import batch #${s1.batchId})`,
    ]);
  });

  it('a table kind: the earlier row of this file, then the row of the earlier batch (import_line)', async () => {
    const book = testBook({ standard: 'enterprise', firstPeriod: '2026-01' });
    const row: CellInput[] = ['2026-10-31', '甲公司', '10,000.00', '10月服务费'];
    const path = await writeXlsx([{ name: '收入', rows: [['日期', '客户', '收入金额', '摘要'], row, ['2026-10-31', '乙公司', 300, '咨询'], row] }]);
    const s1 = await runImport(book, { kind: 'revenue', path }, { locale: 'zh-CN' });
    expect(s1.duplicateOf).toEqual(['内容相同，重复的是本文件 收入 第 2 行']);
    const s2 = await runImport(book, { kind: 'revenue', path }, { locale: 'zh-CN' });
    expect(s2.duplicateOf).toEqual([`内容相同，重复的是导入批次 #${s1.batchId} 的 收入 第 2 行`, `内容相同，重复的是导入批次 #${s1.batchId} 的 收入 第 3 行`, `内容相同，重复的是导入批次 #${s1.batchId} 的 收入 第 2 行`]);
  });
});
