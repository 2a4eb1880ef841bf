/**
 * Vouchers printed to PDF, read back the way a person and a second program would:
 * pdftotext finds the text (company, 凭证字号, 大写 total, names), pdffonts shows one
 * embedded subset CJK font, pdftoppm renders pages that are not blank. The PNGs stay in
 * test-results/ to look at.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addCustomer, addEmployee, testBook } from '../../../../test/support/book';
import { tempDir } from '../../../../test/support/temp';
import { bookVoucher, reverseVoucher } from '../vouchers';
import { printToFile } from './print';
import { rowsPerForm } from './pdf';

const tools = ['/usr/bin/pdftotext', '/usr/bin/pdftoppm', '/usr/bin/pdffonts'].every(existsSync);
const OUT = join(process.cwd(), 'test-results', 'vouchers-print');

/** Share of non-white pixels in a PGM rendering (pdftoppm -gray). */
function ink(pgm: Buffer): number {
  // Header: P5\n<w> <h>\n255\n
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 50).toString('latin1'))!;
  const pixels = pgm.subarray(header[0].length);
  let dark = 0;
  for (const p of pixels) if (p < 200) dark++;
  return dark / pixels.length;
}

describe.skipIf(!tools)('voucher print', () => {
  it('prints A4 two per page and 凭证纸 one per page, text extractable, font embedded as a subset', async () => {
    const book = testBook({ company: '上海蓝海咨询有限公司' });
    const cust = addCustomer(book, 'C001', '华东贸易');
    const emp = addEmployee(book, 'E01', '张三');
    const a = book.tx(() =>
      bookVoucher(book, {
        date: '2026-03-15',
        memo: '支付客户拜访差旅费',
        attachments: 3,
        lines: [
          { account: '56020101', debitFen: 123450, customerId: cust, employeeId: emp, memo: '张三 拜访华东贸易 高铁及住宿' },
          { account: '1002', creditFen: 123450, memo: '支付客户拜访差旅费' },
        ],
      }),
    );
    const many = Array.from({ length: rowsPerForm('a4') + 2 }, (_, i) => ({ account: '1002', debitFen: 100 + i, memo: `第 ${i + 1} 笔` }));
    book.tx(() => bookVoucher(book, { date: '2026-03-20', memo: '多行', lines: [...many, { account: '3001', creditFen: many.reduce((s, l) => s + l.debitFen, 0) }] }));
    book.tx(() => reverseVoucher(book, a.id, '2026-03-25'));
    const dir = tempDir();
    mkdirSync(OUT, { recursive: true });
    const a4 = join(dir, 'a4.pdf');
    const r = await printToFile(book, { from: '2026-03', to: '2026-03', layout: 'a4', path: a4 });
    // Three vouchers, the long one on two forms: four forms, two A4 pages.
    expect(r).toMatchObject({ vouchers: 3, pages: 2 });
    // pdftotext spaces CJK text its own way: compare without whitespace.
    const text = execFileSync('pdftotext', ['-layout', a4, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const s of ['上海蓝海咨询有限公司', '记 账 凭 证', '记-0001', '附单据 3 张', '壹仟贰佰叁拾肆元伍角整', '1,234.50', '56020101 管理费用-客户管理费-拜访差旅', '客户：C001 华东贸易', '员工：张三', '制单：会计', '记-0002（1/2）', '过 次 页', '负壹仟贰佰叁拾肆元伍角整', '-1,234.50'])
      expect(text, s).toContain(s.replace(/\s+/g, ''));
    const fonts = execFileSync('pdffonts', [a4], { encoding: 'utf8' });
    // One embedded font, subset (ABCDEF+ prefix, "yes yes yes": emb sub uni).
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSansHans-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
    expect(statSync(a4).size).toBeLessThan(300_000);
    execFileSync('pdftoppm', ['-r', '80', '-png', a4, join(OUT, 'a4')]);
    execFileSync('pdftoppm', ['-r', '40', '-gray', '-f', '1', '-l', '1', a4, join(dir, 'a4')]);
    const page = readFileSync(join(dir, 'a4-1.pgm'));
    expect(ink(page)).toBeGreaterThan(0.01);

    const paper = join(dir, 'paper.pdf');
    const p = await printToFile(book, { ids: [a.id], layout: 'voucher', path: paper });
    expect(p).toMatchObject({ vouchers: 1, pages: 1 });
    const size = execFileSync('pdfinfo', [paper], { encoding: 'utf8' });
    // 240 × 140 mm = 680.3 × 396.9 pt
    expect(size).toMatch(/Page size:\s+680\.3\d* x 396\.8\d* pts/);
    execFileSync('pdftoppm', ['-r', '100', '-png', paper, join(OUT, 'paper')]);
    expect(execFileSync('pdftotext', [paper, '-'], { encoding: 'utf8' })).toContain('壹仟贰佰叁拾肆元伍角整');
  });

  it('refuses an empty selection and a relative path, writing nothing', async () => {
    const book = testBook();
    const dir = tempDir();
    await expect(printToFile(book, { from: '2026-03', to: '2026-03', layout: 'a4', path: join(dir, 'x.pdf') })).rejects.toMatchObject({ code: 'vouchers.nothingToPrint' });
    await expect(printToFile(book, { from: '2026-03', to: '2026-03', layout: 'a4', path: 'x.pdf' })).rejects.toMatchObject({ code: 'vouchers.printFailed' });
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });
});
