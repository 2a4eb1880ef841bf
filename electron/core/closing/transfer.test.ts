/**
 * 结转损益 posts its voucher the fast way (bookVoucher: lines inserted already posted, in one
 * statement). These check that it writes exactly what the slow way (a draft, then 记账)
 * writes — lines, ledger_total, the audit record's content hash — that a book so closed
 * passes `book check`, and that the CLI names the voucher by its real 凭证字号.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { periodCommands } from '../../cli/commands/period';
import { cliJson } from '../../../test/support/cli';
import { testBook } from '../../../test/support/book';
import { tempDir } from '../../../test/support/temp';
import { buildYear } from '../../../test/support/year';
import { checkBook } from '../book/check';
import { createBook, openBook } from '../book/open';
import type { Book } from '../book/book';
import { setVoucherSettings } from '../ledger/voucher-settings';
import { bookVoucher, createDraft, postDraft } from '../ledger/vouchers';
import { plBalances } from './balances';
import { transferPl } from './transfer';

/** What a posted voucher leaves in the book, ids and times aside. */
function written(book: Book, voucherId: number) {
  const q = <T>(sql: string, ...args: unknown[]) => book.sqlite.prepare(sql).all(...args) as T[];
  const audit = q<{ after: string }>(`SELECT after FROM audit_log WHERE action = 'voucher.post' AND entity_id = ?`, String(voucherId)).map((r) => JSON.parse(r.after) as Record<string, unknown>);
  return {
    header: q(`SELECT period, number, date, status, memo, source_type, source_id, word, word_no, attachments, created_by, posted_by, reviewed_by, review_kind FROM voucher WHERE id = ?`, voucherId),
    lines: q(`SELECT line_no, period, posted, account_code, debit_fen, credit_fen, memo, customer_id, employee_id, department_id, category_id FROM voucher_line WHERE voucher_id = ? ORDER BY line_no`, voucherId),
    audit,
    totals: q(`SELECT period, account_code, debit_fen, credit_fen FROM ledger_total ORDER BY period, account_code`),
  };
}

describe('结转损益 the fast way', () => {
  it('writes line for line what a draft posted by 记账 writes, and the book passes book check', () => {
    const dir = tempDir();
    const fast = createBook({ path: join(dir, 'fast.book'), company: '结转测试', standard: 'small', firstPeriod: '2025-01' });
    buildYear(fast, 2025);
    fast.close();
    copyFileSync(join(dir, 'fast.book'), join(dir, 'slow.book'));
    const a = openBook(join(dir, 'fast.book'));
    const b = openBook(join(dir, 'slow.book'));
    for (const p of ['2025-01', '2025-02']) {
      // The fast way: what 结转损益 runs.
      const t = a.tx(() => transferPl(a, p));
      // The slow way, on the copy: the same closing lines as a draft, then posted as a generated voucher.
      const groups = plBalances(b, p);
      const v = b.tx(() => {
        const memo = `结转损益 ${p}`;
        const side = (fen: number) => (fen > 0 ? { debitFen: fen } : { creditFen: -fen });
        const lines = groups.map((g) => ({ account: g.account, ...side(-g.bal), memo, customerId: g.customer_id, employeeId: g.employee_id, departmentId: g.department_id, categoryId: g.category_id }));
        const net = groups.reduce((s, g) => s + g.bal, 0);
        if (net !== 0) lines.push({ account: b.account('currentYearProfit'), ...side(net), memo } as never);
        const draft = createDraft(b, { date: `${p}-${p === '2025-02' ? '28' : '31'}`, memo, lines, source: { type: 'closing', id: 1 } });
        return postDraft(b, draft, undefined, { generated: true });
      });
      const [fv] = t.vouchers;
      expect(t.lines).toBeGreaterThan(5);
      const fw = written(a, fv!.id);
      const sw = written(b, v.id);
      expect(fw.lines.length).toBe(t.lines);
      expect(fw.lines).toEqual(sw.lines);
      expect(fw.header).toEqual(sw.header);
      expect(fw.audit).toEqual(sw.audit);
      expect(fw.totals).toEqual(sw.totals);
      expect(fw.lines.every((l) => (l as { posted: number }).posted === 1)).toBe(true);
    }
    expect(checkBook(a)).toMatchObject({ ok: true });
    expect(checkBook(b)).toMatchObject({ ok: true });
    a.close();
    b.close();
  });

  it('names the voucher by its real 凭证字号 (字 and number within 字 and month), in the CLI too', async () => {
    const dir = tempDir();
    const path = join(dir, 'words.book');
    process.env.CLIENT_LEDGER_HOME = tempDir('cl-home-');
    const book = createBook({ path, company: '字号测试', standard: 'small', firstPeriod: '2026-01' });
    book.tx(() => setVoucherSettings(book, { wordSet: '收付转' }));
    const revenue = book.account('otherRevenue');
    const office = book.account('officeExpense');
    // A receipt (收-0001), a payment (付-0001) and another receipt (收-0002): the month's posting numbers 1 to 3.
    book.tx(() => bookVoucher(book, { date: '2026-01-05', lines: [{ account: book.account('bank'), debitFen: 1000_00 }, { account: revenue, creditFen: 1000_00 }] }));
    book.tx(() => bookVoucher(book, { date: '2026-01-06', lines: [{ account: office, debitFen: 300_00 }, { account: book.account('bank'), creditFen: 300_00 }] }));
    book.tx(() => bookVoucher(book, { date: '2026-01-07', lines: [{ account: book.account('bank'), debitFen: 50_00 }, { account: revenue, creditFen: 50_00 }] }));
    book.close();
    const t = await cliJson<{ voucherNo: string | null; lines: number }>(['period', 'transfer-pl', path, '2026-01'], periodCommands);
    expect(t.code).toBe(0);
    // No cash line: the cash rule makes it 转, the month's first 转 voucher (the posting sequence would say 4).
    expect(t.json).toMatchObject({ voucherNo: '转-0001', lines: 3 });
    const b = openBook(path);
    expect(b.sqlite.prepare(`SELECT word, word_no, number FROM voucher WHERE source_type = 'closing'`).get()).toEqual({ word: '转', word_no: 1, number: 4 });
    b.close();
    expect((await cliJson<{ voucherNo: string | null }>(['period', 'transfer-pl', path, '2026-01'], periodCommands)).json).toMatchObject({ voucherNo: null, lines: 0 });
    // A 记 book: 记-NNNN follows the month's vouchers of that 字.
    const plain = testBook({ firstPeriod: '2026-01' });
    plain.tx(() => bookVoucher(plain, { date: '2026-01-05', lines: [{ account: plain.account('bank'), debitFen: 10_00 }, { account: plain.account('otherRevenue'), creditFen: 10_00 }] }));
    expect(plain.tx(() => transferPl(plain, '2026-01')).voucherNo).toBe('记-0002');
  });
});
