/** `import KIND BOOK FILE --json` prints exactly the documented object; --rejects writes the report; undo and batches work. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliJson, freshBookEachTest } from '../../../test/support/cli';
import { writeXlsx } from '../../../test/support/xlsx';
import { importCommands } from './import';

const cli = (args: string[]) => cliJson(args, importCommands);

describe('cli import', () => {
  const at = freshBookEachTest();

  it('prints exactly the summary keys, writes the reject report, lists and undoes the batch', async () => {
    const file = await writeXlsx([{ name: '明细', rows: [['日期', '报销人', '客户', '费用类别', '发票号', '金额'], ['2026-10-01', '张伟', '甲公司', '差旅', 'A1', '100.00'], ['2026-10-02', '张伟', '甲公司', '差旅', 'A1', 50], ['2026-10-03', '李娜', '乙公司', '差旅', 'A2', '1.234']] }], 'x.xlsx', at.dir);
    const rejects = join(at.dir, 'rejects.xlsx');
    const r = await cli(['import', 'expenses', at.book, file, '--rejects', rejects]);
    expect(r.code).toBe(0);
    expect(Object.keys(r.json)).toEqual(['batchId', 'rowsRead', 'accepted', 'rejected', 'duplicates', 'skipped', 'acceptedTotalFen', 'byCategory', 'createdCustomers', 'createdEmployees', 'newMasters', 'sheets', 'rejects', 'duplicateRows']);
    expect(r.json).toEqual({
      batchId: 1,
      rowsRead: 3,
      accepted: 1,
      rejected: 1,
      duplicates: 1,
      skipped: 0,
      acceptedTotalFen: 10000,
      byCategory: { TRAVEL: 10000 },
      createdCustomers: 1,
      createdEmployees: 1,
      newMasters: { customers: [{ code: 'C0001', name: '甲公司', rows: 1 }], employees: [{ code: 'E0001', name: '张伟', rows: 1 }] },
      sheets: [{ name: '明细', headerRow: 1, rowsRead: 3, accepted: 1, rejected: 1, duplicates: 1, skipped: 0 }],
      rejects: [{ sheet: '明细', row: 4, reason: '金额超过两位小数（不会自动四舍五入）' }],
      duplicateRows: [{ sheet: '明细', row: 3 }],
    });
    expect(existsSync(rejects)).toBe(true);
    expect((await cli(['import', 'batches', at.book])).json).toMatchObject([{ id: 1, accepted: 1, undoneAt: null }]);
    expect((await cli(['import', 'undo', at.book, '1'])).json).toMatchObject({ batchId: 1, deletedClaims: 1 });
    expect((await cli(['import', 'undo', at.book, '1'])).code).toBe(2);
  });

  it('a workbook of 费用报销单 forms adds forms: sheet, formNo, employee, lines, totalFen and the reason of a rejected form', async () => {
    const form = (employee: string, no: string, amount: number, total: string) => [
      ['费用报销单'],
      ['报销人：', employee, '单据编号：', no],
      ['日期', '客户', '费用类别', '金额'],
      ['2026-10-01', '甲公司', '差旅', amount],
      ['合计（大写）', total],
    ];
    const file = await writeXlsx([{ name: 'A', rows: form('张伟', 'BX-1', 100, '壹佰元整') }, { name: 'B', rows: form('李娜', 'BX-2', 50, '伍拾伍元整') }], 'forms.xlsx', at.dir);
    const r = await cli(['import', 'expenses', at.book, file, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.json.forms).toEqual([
      { sheet: 'A', formNo: 'BX-1', employee: '张伟', lines: 1, totalFen: 10000 },
      { sheet: 'B', formNo: 'BX-2', employee: '李娜', lines: 1, totalFen: 5500, reason: 'The total of claim form BX-2 (figures —, in words 55.00) differs from its lines\' total 50.00: the whole form was not imported' },
    ]);
    expect([r.json.accepted, r.json.rejected]).toEqual([1, 1]);
  });

  it('refuses an unknown kind with the usage text', async () => {
    const r = await cli(['import', 'bananas', at.book, 'x.xlsx']);
    expect(r.code).toBe(2);
    expect((r.json.error as { code: string }).code).toBe('usage');
  });
});
