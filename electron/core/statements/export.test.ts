/**
 * The statements' workbooks read back: the form's furniture where the paper form has it,
 * every line's amounts in yuan beside its 行次, and LibreOffice (a second reader) sees the
 * same figures when it converts the sheet.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { testBook } from '../../../test/support/book';
import { tempDir } from '../../../test/support/temp';
import { exportReport } from '../reports/app';
import { bookVoucher } from '../ledger/vouchers';

function book() {
  const b = testBook({ company: '蓝海贸易' });
  const post = (date: string, lines: object[]) => b.tx(() => bookVoucher(b, { date, memo: 'm', lines: lines as never }));
  post('2026-01-02', [{ account: '1002', debitFen: 100_000_00 }, { account: '3001', creditFen: 100_000_00 }]);
  post('2026-03-05', [{ account: '1601', debitFen: 30_000_00 }, { account: '1002', creditFen: 30_000_00 }]);
  post('2026-03-31', [{ account: '560202', debitFen: 500_00 }, { account: '1602', creditFen: 500_00 }]);
  return b;
}

const read = async (path: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets[0]!;
};

describe('statement workbooks', () => {
  it('资产负债表: 会小企01表 in the corner, 编制单位, the date, 单位：元, two column pairs', async () => {
    const path = join(tempDir(), 'bs.xlsx');
    await exportReport(book(), 'zh-CN', { name: 'balance-sheet', from: '2026-03', to: '2026-03', filters: {}, path });
    const ws = await read(path);
    expect(ws.getCell('A1').value).toBe('蓝海贸易');
    expect(ws.getCell('H1').value).toBe('会小企01表');
    expect(ws.getCell('A2').value).toBe('资产负债表');
    expect(ws.getCell('A2').isMerged).toBe(true);
    expect(ws.getCell('A5').value).toBe('编制单位：蓝海贸易');
    expect(ws.getCell('E5').value).toBe('2026年03月31日');
    expect(ws.getCell('H5').value).toBe('单位：元');
    expect(ws.getRow(6).values).toEqual([undefined, '资产', '行次', '期末余额', '年初余额', '负债和所有者权益（或股东权益）', '行次', '期末余额', '年初余额']);
    const byLine = new Map<number, number[]>();
    for (let r = 7; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      if (typeof row.getCell(2).value === 'number') byLine.set(row.getCell(2).value as number, [row.getCell(3).value as number, row.getCell(4).value as number]);
      if (typeof row.getCell(6).value === 'number') byLine.set(row.getCell(6).value as number, [row.getCell(7).value as number, row.getCell(8).value as number]);
    }
    expect([...byLine.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 53 }, (_, i) => i + 1));
    expect(byLine.get(1)).toEqual([70_000, 0]);
    expect(byLine.get(18)).toEqual([30_000, 0]);
    expect(byLine.get(19)).toEqual([500, 0]);
    expect(byLine.get(20)).toEqual([29_500, 0]);
    expect(byLine.get(30)).toEqual([99_500, 0]);
    expect(byLine.get(51)).toEqual([-500, 0]);
    expect(byLine.get(53)).toEqual([99_500, 0]);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
  });

  it('利润表: 会小企02表, 本年累计金额 before 本月金额 as on the form, indented lines', async () => {
    const path = join(tempDir(), 'is.xlsx');
    await exportReport(book(), 'zh-CN', { name: 'income-statement', from: '2026-03', to: '2026-03', filters: {}, path });
    const ws = await read(path);
    expect(ws.getCell('D1').value).toBe('会小企02表');
    expect(ws.getCell('C5').value).toBe('2026年03月');
    expect(ws.getRow(6).values).toEqual([undefined, '项目', '行次', '本年累计金额', '本月金额']);
    expect(ws.getRow(7).values).toEqual([undefined, '一、营业收入', 1, 0, 0]);
    expect(ws.getRow(9).getCell(1).value).toBe('\u3000\u3000税金及附加');
    expect(ws.getRow(20).values).toEqual([undefined, '\u3000\u3000管理费用', 14, 500, 500]);
    expect(ws.getRow(38).values).toEqual([undefined, '四、净利润（净亏损以“-”号填列）', 32, -500, -500]);
    expect(ws.getRow(38).getCell(3).font?.bold).toBe(true);
  });

  const soffice = (() => {
    try {
      execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 30_000 });
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!soffice)('LibreOffice reads the balance sheet to the same figures', async () => {
    const dir = tempDir();
    const path = join(dir, 'bs.xlsx');
    await exportReport(book(), 'zh-CN', { name: 'balance-sheet', from: '2026-03', to: '2026-03', filters: {}, path });
    execFileSync('soffice', ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, path], { timeout: 120_000, stdio: 'ignore' });
    const lines = readFileSync(join(dir, 'bs.csv'), 'utf8').split(/\r?\n/);
    expect(lines[0]).toMatch(/^蓝海贸易,+会小企01表$/);
    expect(lines.find((l) => l.startsWith('资产总计'))).toMatch(/^资产总计,30,"?99,?500\.00"?/);
    expect(lines.find((l) => l.includes('负债和所有者权益（或股东权益）总计'))).toMatch(/负债和所有者权益（或股东权益）总计,53,"?99,?500\.00"?/);
  }, 150_000);
});
