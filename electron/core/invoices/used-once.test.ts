/**
 * An invoice is claimed once (issue 18): its second use is set aside at import (a duplicate by
 * invoice number, DOMAIN.md: Excel import → Duplicates) naming the claim line or the row of the
 * file that used it first, and nothing of it is written; a claim entered by hand that reuses
 * it is refused at submit naming the first claim line; the claims audit lists the second use
 * on demand, with or without an invoice ledger.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { message } from '../../../shared/messages/index';
import { testSession } from '../../../test/support/session';
import { writeXlsx, type CellInput } from '../../../test/support/xlsx';
import { createClaim } from '../claims/create';
import { runReport } from '../reports/index';

const HEAD = ['日期', '报销人', '客户', '费用类别', '摘要', '发票号码', '金额'];
const X = '26312000000011112222';
const Y = '26312000000033334444';

describe('an invoice is claimed once', () => {
  it('import: a second use (another row, another employee, another amount) is set aside naming the first, in the file and from an earlier claim', async () => {
    const s = testSession();
    await s.call('book.create', { path: join(s.dir, 'co.book'), company: '测试', firstPeriod: '2026-01' });
    const book = s.session.requireBook();
    const first = await writeXlsx([{ name: '11月', rows: [HEAD, ['2026-11-02', '张伟', '甲公司', '差旅费', '高铁', X, 106]] }]);
    const one = await s.importFile({ kind: 'expenses', path: first });
    expect(one.accepted).toBe(1);
    const claimId = book.sqlite.prepare('SELECT claim_id FROM claim_line WHERE invoice_no = ?').pluck().get(X) as number;

    const rows: CellInput[][] = [
      HEAD,
      ['2026-11-05', '王芳', '乙公司', '餐饮费', '工作餐', X, 88],
      ['2026-11-06', '王芳', '乙公司', '交通费', '打车', Y, 20],
      ['2026-11-07', '李娜', '丙公司', '交通费', '打车', Y, 35],
    ];
    const second = await writeXlsx([{ name: '补报', rows }]);
    const r = await s.importFile({ kind: 'expenses', path: second });
    expect([r.accepted, r.duplicates, r.rejected]).toEqual([1, 2, 0]);
    expect(r.duplicateRows).toEqual([
      { sheet: '补报', row: 2 },
      { sheet: '补报', row: 4 },
    ]);
    expect(r.duplicateOf).toEqual([`发票号 ${X} 相同，重复的是报销单 #${claimId} 第 1 行（导入批次 #${one.batchId}）`, `发票号 ${Y} 相同，重复的是本文件 补报 第 3 行`]);
    // Each invoice is on exactly one claim line.
    expect(book.sqlite.prepare('SELECT invoice_no AS inv, COUNT(*) AS n FROM claim_line GROUP BY invoice_no ORDER BY invoice_no').all()).toEqual([
      { inv: X, n: 1 },
      { inv: Y, n: 1 },
    ]);
  });

  it('submit: a claim entered by hand that reuses an invoice is refused naming the first claim line; the audit lists it, with or without a ledger', async () => {
    const s = testSession();
    await s.call('book.create', { path: join(s.dir, 'co.book'), company: '测试', firstPeriod: '2026-01' });
    const book = s.session.requireBook();
    const cat = book.sqlite.prepare(`SELECT id FROM category WHERE code = 'TRAVEL'`).pluck().get() as number;
    const [a, b] = book.tx(() => {
      // The policy's own duplicate-invoice rule is off: the used-once gate must stand alone.
      book.sqlite.prepare('UPDATE policy_rule SET active = 0').run();
      const e1 = Number(book.sqlite.prepare(`INSERT INTO employee (code, name, name_key) VALUES ('E0001', '张伟', '张伟')`).run().lastInsertRowid);
      const e2 = Number(book.sqlite.prepare(`INSERT INTO employee (code, name, name_key) VALUES ('E0002', '王芳', '王芳')`).run().lastInsertRowid);
      return [
        createClaim(book, { employeeId: e1, lines: [{ date: '2026-11-02', categoryId: cat, invoiceNo: Y, amountFen: 5000 }, { date: '2026-11-03', categoryId: cat, invoiceNo: X, amountFen: 10600 }] }),
        createClaim(book, { employeeId: e2, lines: [{ date: '2026-11-09', categoryId: cat, invoiceNo: X, amountFen: 10600 }] }),
      ];
    });
    await s.call('claims.submit', { id: a! });
    const err = await s.callErr('claims.submit', { id: b! });
    expect(err).toEqual({ code: 'invoices.status.reused', message: message('zh-CN', 'invoices.status.reused', { invoice: X, claim: a!, line: 2 }), params: expect.anything() as unknown });
    expect(err.message).toContain(`报销单 #${a} 第 2 行`);
    expect(book.sqlite.prepare('SELECT status FROM claim WHERE id = ?').pluck().get(b)).toBe('draft');

    // The claims audit matches on demand: the second use is listed, naming the first, before any ledger is imported…
    const audit = () => runReport(book, 'claims-audit', { from: '2026-11', to: '2026-11', filters: {}, locale: 'en' }).sections.find((x) => x.name === 'invoices')!.rows;
    const reused = { claim: b, line: 1, invoice: X, amountFen: 10600, status: 'Claimed before', message: message('en', 'invoices.status.reused', { invoice: X, claim: a!, line: 2 }) };
    expect(audit()).toEqual([{ ...reused, employee: '王芳' }]);
    // …and with one, beside the lines the ledger does not know.
    const list = await writeXlsx([{ name: '发票', rows: [['发票号码', '销方名称', '开票日期', '金额', '税额', '价税合计', '发票状态'], [X, '某酒店', '2026-11-01', '100.00', '6.00', '106.00', '正常']] }]);
    await s.importFile({ kind: 'invoices', path: list });
    expect(audit().map((r) => [r.claim, r.invoice, r.status])).toEqual([
      [a, Y, 'Not in the ledger'],
      [b, X, 'Claimed before'],
    ]);
  });
});
