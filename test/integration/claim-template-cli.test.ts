/**
 * `export claim-template BOOK --out FILE.xlsx [--employee CODE]` as scripts use it, in a child
 * process on a real book: one form per employee or the one asked for, an unknown code or a
 * path over the book refused with exit 2, and the filled template read back by
 * `import expenses` with its `forms`.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openBook } from '../../electron/core/book/open';
import { tempDir } from '../support/temp';

const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const CLI = join(process.cwd(), 'electron/cli/index.ts');

function cli(dir: string, ...args: string[]): { code: number; json: Record<string, unknown> } {
  const r = spawnSync(TSX, [CLI, ...args, '--json'], { encoding: 'utf8', env: { ...process.env, CLIENT_LEDGER_HOME: dir } });
  return { code: r.status ?? -1, json: r.stdout.trim() ? (JSON.parse(r.stdout) as Record<string, unknown>) : {} };
}

describe('claim template CLI', () => {
  it('exports the template for all or one employee and imports it back as filled', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const path = join(dir, 'co.book');
    expect(cli(dir, 'book', 'create', path, '--first-period', '2026-01').code).toBe(0);
    const book = openBook(path);
    book.tx(() => {
      book.sqlite.prepare(`INSERT INTO employee (code, name, name_key) VALUES ('E0001', '张伟', '张伟'), ('E0002', '王芳', '王芳')`).run();
      book.sqlite.prepare(`INSERT INTO customer (code, name, name_key) VALUES ('C0001', '华东机械', '华东机械')`).run();
    });
    book.close();

    const all = join(dir, 'all.xlsx');
    expect(cli(dir, 'export', 'claim-template', path, '--out', all)).toMatchObject({ code: 0, json: { sheets: ['张伟', '王芳'] } });
    const one = join(dir, 'one.xlsx');
    expect(cli(dir, 'export', 'claim-template', path, '--out', one, '--employee', 'E0002')).toMatchObject({ code: 0, json: { sheets: ['王芳'] } });
    expect(cli(dir, 'export', 'claim-template', path, '--out', one, '--employee', 'E0404')).toMatchObject({ code: 2, json: { error: { code: 'masters.notFound' } } });
    expect(cli(dir, 'export', 'claim-template', path, '--out', path)).toMatchObject({ code: 2, json: { error: { code: 'path.isBook' } } });

    // 王芳 fills in her form in Excel (the 合计 formula's value saved with it).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(one);
    const ws = wb.getWorksheet('王芳')!;
    ws.getCell('B3').value = 'BX-7';
    ws.getRow(5).values = [new Date(Date.UTC(2026, 10, 3)), '华东机械', '差旅费', '拜访', '26312000000012345678', 1234.5];
    ws.getRow(6).values = [new Date(Date.UTC(2026, 10, 4)), '华东机械', '交通费', '打车', null, 65.5];
    const total = ws.getCell('F20');
    total.value = { formula: (total.value as { formula: string }).formula, result: 1300 };
    ws.getCell('C20').value = '壹仟叁佰元整';
    await wb.xlsx.writeFile(one);
    const r = cli(dir, 'import', 'expenses', path, one);
    expect(r).toMatchObject({ code: 0, json: { accepted: 2, rejected: 0, acceptedTotalFen: 130000, forms: [{ sheet: '王芳', formNo: 'BX-7', employee: '王芳', lines: 2, totalFen: 130000 }] } });
  });
});
