import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
// exceljs's own zip reader: lets the test look at the raw sheet XML.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { numberToFen } from '../../../shared/money';
import type { ReportResult, ReportSection } from '../../../shared/report';
import { addCustomer, addEmployee, testBook } from '../../../test/support/book';
import { tempDir } from '../../../test/support/temp';
import { bookVoucher } from '../ledger/vouchers';
import type { Book } from '../book/book';
import { exportPack } from '../reports/app';
import { runReport } from '../reports/index';
import { safeSheetName } from './safe-cell';
import { textWidth, writeReports } from './write-report';

const HEADER = 6;
const INJECTIONS = ['=HYPERLINK("http://x")', '+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1'];

/** Posts a few client expenses, one for a customer whose imported name is a formula. */
function seed(book: Book) {
  const names = ['蓝海贸易（上海）有限公司', INJECTIONS[0]!, '青山'];
  const customers = names.map((n, i) => addCustomer(book, `C0${i + 1}`, n));
  const emp = addEmployee(book, 'E01', '张三');
  customers.forEach((c, i) =>
    book.tx(() =>
      bookVoucher(book, {
        date: `2026-0${i + 1}-15`,
        memo: INJECTIONS[0]!,
        lines: [
          { account: '56020101', debitFen: 123456 * (i + 1) + 1, customerId: c, employeeId: emp },
          { account: '56020103', debitFen: 99, customerId: c, employeeId: emp },
          { account: '2241', creditFen: 123456 * (i + 1) + 100, employeeId: emp },
        ],
      }),
    ),
  );
}

const toFen = (v: ExcelJS.CellValue): number | null => {
  if (v === null || v === undefined || v === '') return null;
  const r = numberToFen(v as number);
  if (!r.ok) throw new Error(`not an amount: ${String(v)}`);
  return r.fen;
};

/** Reads a section's sheet back and checks every cell and the totals against the on-screen result. */
function compareSheet(ws: ExcelJS.Worksheet, s: ReportSection, additive = false) {
  expect(ws.getRow(HEADER).values).toEqual([undefined, ...s.columns.map((c) => c.label)]);
  const back = (rowNo: number) =>
    Object.fromEntries(
      s.columns.map((c, i) => {
        const v = ws.getRow(rowNo).getCell(i + 1).value;
        // eslint-disable-next-line no-restricted-syntax -- exceljs reads a date cell back as UTC midnight of that date
        if (c.kind === 'date' && v instanceof Date) return [c.key, v.toISOString().slice(0, 10)];
        return [c.key, c.kind === 'money' ? toFen(v) : v === undefined || v === '' ? null : v];
      }),
    );
  s.rows.forEach((row, i) => expect(back(HEADER + 1 + i)).toEqual(Object.fromEntries(s.columns.map((c) => [c.key, row[c.key] === '' ? null : (row[c.key] ?? null)]))));
  if (s.totals) {
    const t = back(HEADER + 1 + s.rows.length);
    for (const c of s.columns.filter((c) => c.kind === 'money')) {
      expect(t[c.key]).toBe(s.totals[c.key] ?? null);
      if (!additive || typeof s.totals[c.key] !== 'number') continue;
      // An additive report's totals row also equals the sum of the sheet's own rows, to the fen
      // (tree reports such as the trial balance list parents and children, so not for them).
      expect(s.rows.reduce((sum, _r, i) => sum + (back(HEADER + 1 + i)[c.key] as number), 0)).toBe(t[c.key]);
    }
    expect(ws.getRow(HEADER + 1 + s.rows.length).font?.bold).toBe(true);
  }
}

describe('Excel report writer', () => {
  it('writes every expense report so that a re-read matches the screen rows and totals', async () => {
    const book = testBook({ company: '蓝海贸易' });
    seed(book);
    for (const name of ['expense-by-category', 'expense-by-customer', 'expense-by-employee', 'expense-by-department']) {
      const r = runReport(book, name, { from: '2026-01', to: '2026-03', filters: {}, locale: 'zh-CN' });
      const path = join(tempDir(), `${name}.xlsx`);
      const progress: number[] = [];
      const { rows } = await writeReports(path, [r], { locale: 'zh-CN', onProgress: (d) => progress.push(d) });
      expect(rows).toBe(r.sections.reduce((n, s) => n + s.rows.length, 0));
      expect(progress.at(-1)).toBe(rows);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path);
      expect(wb.worksheets.map((w) => w.name)).toEqual(r.sections.map((s) => s.title));
      r.sections.forEach((s, i) => {
        const ws = wb.worksheets[i]!;
        expect(ws.getCell('A1').value).toBe('蓝海贸易');
        expect(String(ws.getCell('A2').value)).toContain(r.title);
        expect(ws.getCell('A3').value).toBe('期间：2026-01 至 2026-03');
        expect(String(ws.getCell('A4').value)).toMatch(/^生成时间：\d{4}-\d\d-\d\d \d\d:\d\d$/);
        expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER });
        expect(ws.getRow(HEADER).font?.bold).toBe(true);
        s.columns.forEach((c, j) => {
          const cell = ws.getRow(HEADER + 1).getCell(j + 1);
          if (c.kind === 'money') expect(cell.numFmt).toBe('#,##0.00');
          if (c.kind === 'percent' && s.rows.length) expect(cell.numFmt).toBe('0.00%');
        });
        compareSheet(ws, s, true);
      });
    }
  });

  it('writes formula-looking text as plain text, never as a formula', async () => {
    const book = testBook();
    seed(book);
    const r: ReportResult = {
      ...runReport(book, 'expense-by-customer', { from: '2026-01', to: '2026-03', filters: {}, locale: 'zh-CN' }),
    };
    const memo: ReportSection = {
      name: 'memo',
      title: '=摘要',
      columns: [{ key: 'memo', label: '=摘要', kind: 'text' }],
      rows: INJECTIONS.map((memo) => ({ memo })),
    };
    r.sections.push(memo);
    const path = join(tempDir(), 'inject.xlsx');
    await writeReports(path, [r], { locale: 'zh-CN' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const customers = wb.worksheets[0]!;
    const nameCell = customers.getColumn(2).values.find((v) => v === INJECTIONS[0]);
    expect(nameCell).toBe(INJECTIONS[0]);
    const sheet = wb.worksheets[1]!;
    INJECTIONS.forEach((text, i) => {
      const cell = sheet.getRow(HEADER + 1 + i).getCell(1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(text.replace(/\r/g, '\n'));
      expect(cell.formula).toBeUndefined();
    });
    const zip = await JSZip.loadAsync(readFileSync(path));
    const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    expect(sheets.length).toBe(2);
    for (const f of sheets) expect(await zip.file(f)!.async('string')).not.toMatch(/<f[ >]/);
    expect(await zip.file('xl/sharedStrings.xml')!.async('string')).toContain('=HYPERLINK(&quot;http://x&quot;)');
  });

  it('names sheets legally, uniquely and in the UI language, and fits widths with CJK counted double', async () => {
    const taken = new Set<string>();
    expect(safeSheetName('a/b:c*?[d]\\e', taken)).toBe('a b c d e');
    expect(safeSheetName('A/B:C*?[D]\\E', taken)).toBe('A B C D E (2)');
    expect([...safeSheetName('客户管理费用（按类别×月份）-费用结构很长很长很长很长很长很长', taken)].length).toBeLessThanOrEqual(31);
    expect(safeSheetName("'History'", taken)).toBe('History (2)');
    expect(safeSheetName('   ', taken)).toBe('Sheet');
    expect(textWidth('ab蓝海')).toBe(6);

    const book = testBook();
    seed(book);
    const r = runReport(book, 'expense-by-category', { from: '2026-01', to: '2026-03', filters: {}, locale: 'en' });
    const path = join(tempDir(), 'en.xlsx');
    await writeReports(path, [r], { locale: 'en' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Structure', 'Monthly trend']);
    expect(wb.worksheets[0]!.getCell('A3').value).toBe('Period: 2026-01 to 2026-03');
    const cols = wb.worksheets[1]!.columns;
    expect(cols[0]!.width).toBe('2026-01'.length + 2.5);
    expect(cols[2]!.width).toBe('Change on prior month'.length + 2.5);
    const zh = await writeReports(join(tempDir(), 'zh.xlsx'), [runReport(book, 'expense-by-customer', { from: '2026-01', to: '2026-03', filters: {}, locale: 'zh-CN' })], { locale: 'zh-CN' });
    const zwb = new ExcelJS.Workbook();
    await zwb.xlsx.readFile(zh.path);
    // 蓝海贸易（上海）有限公司: 12 wide characters → 24 + 2.5.
    expect(zwb.worksheets[0]!.getColumn(2).width).toBe(26.5);
  });

  it('labels a totals row the report left unlabelled, and only then', async () => {
    const section = (totals: ReportSection['totals']): ReportSection => ({
      name: 's',
      title: 's',
      columns: [
        { key: 'code', label: '编码', kind: 'text' },
        { key: 'name', label: '名称', kind: 'text' },
        { key: 'fen', label: '金额', kind: 'money' },
      ],
      rows: [{ code: 'A', name: 'a', fen: 150 }],
      totals,
    });
    const r: ReportResult = { report: 'x', title: 't', company: 'c', from: '2026-01', to: '2026-01', generatedAt: new Date().toISOString(), sections: [section({ fen: 150 }), section({ code: '', name: '合计', fen: 150 })] };
    const path = join(tempDir(), 'totals.xlsx');
    await writeReports(path, [r], { locale: 'zh-CN' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const totalsRow = (i: number) => (wb.worksheets[i]!.getRow(HEADER + 2).values as unknown[]).slice(1);
    expect(totalsRow(0)).toEqual(['合计', undefined, 1.5]);
    expect(totalsRow(1)).toEqual([undefined, '合计', 1.5]);
    expect(wb.worksheets[0]!.getRow(HEADER).getCell(3).alignment).toMatchObject({ horizontal: 'right' });
  });

  it('leaves the previous file in place when an export fails', async () => {
    const dir = tempDir();
    const path = join(dir, 'keep.xlsx');
    writeFileSync(path, 'the owner\'s last report');
    const r: ReportResult = { report: 'x', title: 't', company: 'c', from: '2026-01', to: '2026-01', generatedAt: new Date().toISOString(), sections: [{ name: 's', title: 's', columns: [{ key: 'a', label: 'a', kind: 'int' }], rows: Array.from({ length: 5_000 }, (_, i) => ({ a: i })) }] };
    const failing = writeReports(path, [r], { locale: 'zh-CN', onProgress: (done) => { if (done > 0) throw new Error('disk full'); } });
    await expect(failing).rejects.toThrow('disk full');
    expect(readFileSync(path, 'utf8')).toBe('the owner\'s last report');
    expect(readdirSync(dir)).toEqual(['keep.xlsx']);
    await writeReports(path, [r], { locale: 'zh-CN' });
    expect(readdirSync(dir)).toEqual(['keep.xlsx']);
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
  });

  it('writes date columns as real dates formatted yyyy-mm-dd', async () => {
    const r: ReportResult = {
      report: 'x', title: 't', company: 'c', from: '2026-01', to: '2026-01', generatedAt: new Date().toISOString(),
      sections: [{ name: 's', title: 's', columns: [{ key: 'd', label: '日期', kind: 'date' }], rows: [{ d: '2026-01-31' }, { d: '未知' }] }],
    };
    const path = join(tempDir(), 'dates.xlsx');
    await writeReports(path, [r], { locale: 'zh-CN' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const cell = wb.worksheets[0]!.getRow(HEADER + 1).getCell(1);
    expect(cell.value).toEqual(new Date('2026-01-31T00:00:00Z'));
    expect(cell.numFmt).toBe('yyyy-mm-dd');
    expect(wb.worksheets[0]!.getRow(HEADER + 2).getCell(1).value).toBe('未知');
  });

  it('exports the period pack: every report, one sheet per section, totals as on screen', async () => {
    const book = testBook();
    seed(book);
    const path = join(tempDir(), 'pack.xlsx');
    const pack = await exportPack(book, 'zh-CN', { from: '2026-01', to: '2026-03', path });
    expect(pack.reports.length).toBeGreaterThanOrEqual(4);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    let sheet = 0;
    for (const name of pack.reports) {
      const r = runReport(book, name, { from: '2026-01', to: '2026-03', filters: {}, locale: 'zh-CN' });
      for (const s of r.sections) compareSheet(wb.worksheets[sheet++]!, s);
    }
    // After the reports, one last sheet: the audit chain heads (chain-sheet.test.ts reads it).
    expect(wb.worksheets.length).toBe(sheet + 1);
    expect(new Set(wb.worksheets.map((w) => w.name)).size).toBe(sheet + 1);
  });

  const soffice = (() => {
    try {
      execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 30_000 });
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!soffice)('LibreOffice, a second reader, also keeps formula-looking text as text', async () => {
    const dir = tempDir();
    const path = join(dir, 'memo.xlsx');
    const r: ReportResult = { report: 'x', title: '摘要', company: 'c', from: '2026-01', to: '2026-01', generatedAt: new Date().toISOString(), sections: [{ name: 'm', title: 'm', columns: [{ key: 'memo', label: 'memo', kind: 'text' }], rows: INJECTIONS.slice(0, 4).map((memo) => ({ memo })) }] };
    await writeReports(path, [r], { locale: 'zh-CN' });
    execFileSync('soffice', ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', dir, path], { timeout: 120_000, stdio: 'ignore' });
    const lines = readFileSync(join(dir, 'memo.csv'), 'utf8').split(/\r?\n/);
    // Evaluated, these would read "x", "-2+3" → 1, #NAME?…; as text they come back verbatim.
    expect(lines.slice(HEADER, HEADER + 4).map((l) => l.replace(/^"|"$/g, '').replace(/""/g, '"'))).toEqual(INJECTIONS.slice(0, 4));
  });

  it.skipIf(!soffice)('LibreOffice reads the period pack with the same totals', async () => {
    const book = testBook();
    seed(book);
    const dir = tempDir();
    const path = join(dir, 'pack.xlsx');
    const pack = await exportPack(book, 'zh-CN', { from: '2026-01', to: '2026-03', path });
    // Filter option 12 = -1: one CSV per sheet (LibreOffice 7.2+), UTF-8 (76), comma-separated.
    execFileSync('soffice', ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', dir, path], { timeout: 120_000, stdio: 'ignore' });
    const csvs = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
    const sections = pack.reports.flatMap((n) => runReport(book, n, { from: '2026-01', to: '2026-03', filters: {}, locale: 'zh-CN' }).sections);
    expect(csvs.length).toBe(sections.length + 1); // + the audit chain heads' sheet
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    let checked = 0;
    for (const [i, s] of sections.entries()) {
      const file = csvs.find((f) => f === `pack-${wb.worksheets[i]!.name}.csv`);
      expect(file, wb.worksheets[i]!.name).toBeDefined();
      const lines = readFileSync(join(dir, file!), 'utf8').split(/\r?\n/);
      expect(lines.slice(0, 3)).toEqual([expect.stringContaining('测试公司'), expect.anything(), expect.stringContaining('2026-01')]);
      if (!s.totals) continue;
      const totals = lines[HEADER + s.rows.length];
      expect(totals, `${file}: ${lines.length} lines, ${s.rows.length} rows`).toBeDefined();
      for (const c of s.columns.filter((c) => c.kind === 'money')) {
        const j = s.columns.indexOf(c);
        const text = totals!.match(/("[^"]*"|[^,]*)(,|$)/g)![j]!.replace(/,$/, '').replace(/"/g, '').replace(/,/g, '');
        expect(text === '' ? null : toFen(Number(text)), `${s.title} ${c.label}`).toBe(s.totals?.[c.key] ?? null);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});
