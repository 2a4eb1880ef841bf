/**
 * `report NAME BOOK --from --to [--out] --json` and `report pack` as scripts use them: the
 * real CLI in a child process on a real book; the workbook it writes is read back.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { numberToFen } from '../../shared/money';
import { openBook } from '../../electron/core/book/open';
import { bookVoucher } from '../../electron/core/ledger/vouchers';
import { addCustomer } from '../support/book';
import { tempDir } from '../support/temp';

const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const CLI = join(process.cwd(), 'electron/cli/index.ts');

function cli(dir: string, ...args: string[]) {
  const r = spawnSync(TSX, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, CLIENT_LEDGER_HOME: dir } });
  return { code: r.status ?? -1, out: r.stdout, json: () => JSON.parse(r.stdout) as Record<string, unknown> };
}

describe('report CLI', () => {
  it('prints a report as JSON and text, writes it to Excel, and writes the period pack', async () => {
    const dir = tempDir();
    const path = join(dir, 'cli.book');
    expect(cli(dir, 'book', 'create', path, '--company', '测试', '--first-period', '2026-01', '--json').code).toBe(0);
    const book = openBook(path);
    const c = addCustomer(book, 'C01', '蓝海');
    book.tx(() => bookVoucher(book, { date: '2026-01-05', lines: [{ account: '56020102', debitFen: 123_456, customerId: c }, { account: '1002', creditFen: 123_456 }] }));
    book.tx(() => bookVoucher(book, { date: '2026-02-05', lines: [{ account: '56020103', debitFen: 7_000, customerId: c }, { account: '1002', creditFen: 7_000 }] }));
    book.close();

    const out = join(dir, 'by-customer.xlsx');
    const r = cli(dir, 'report', 'expense-by-customer', path, '--from', '2026-01', '--to', '2026-02', '--out', out, '--json');
    expect(r.code).toBe(0);
    const doc = r.json();
    expect(Object.keys(doc)).toEqual(['report', 'title', 'from', 'to', 'rows', 'totals', 'sections', 'out']);
    expect(doc).toMatchObject({ report: 'expense-by-customer', title: '客户管理费用（按客户）', from: '2026-01', to: '2026-02', out });
    expect(doc.rows).toMatchObject([{ code: 'C01', name: '蓝海', totalFen: 130_456, lines: 2 }]);
    expect(doc.totals).toMatchObject({ totalFen: 130_456 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    const totalCol = (ws.getRow(6).values as unknown[]).indexOf('合计');
    expect(numberToFen(ws.getRow(8).getCell(totalCol).value as number)).toEqual({ ok: true, fen: 130_456 });

    const text = cli(dir, 'report', 'expense-by-category', path, '--from', '2026-01', '--to', '2026-02');
    expect(text.code).toBe(0);
    expect(text.out).toContain('1,304.56');
    expect(text.out).toMatch(/客户活动费\s+1,234.56\s+0.00\s+1,234.56/);

    expect(cli(dir, 'report', 'expense-by-category', path, '--json').json()).toMatchObject({ error: { code: 'usage' } });
    expect(cli(dir, 'report', 'nope', path, '--from', '2026-01', '--to', '2026-01', '--json')).toMatchObject({ code: 2 });

    const pack = join(dir, 'pack.xlsx');
    const p = cli(dir, 'report', 'pack', path, '--from', '2026-01', '--to', '2026-02', '--out', pack, '--json');
    expect(p.code).toBe(0);
    expect(p.json()).toMatchObject({ path: pack, reports: expect.arrayContaining(['expense-by-category']) });
    await wb.xlsx.readFile(pack);
    expect(wb.worksheets.length).toBeGreaterThan(4);
  });
});
