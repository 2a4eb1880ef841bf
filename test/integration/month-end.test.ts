/**
 * Month-end on a hand-built year (test/support/year.ts), through the CLI in-process and the
 * core: every month transferred and closed in order; after each transfer every P&L account
 * is zero; out-of-order closing and reopening beneath a closed month are refused with the
 * 结账检查's JSON; the next year opens with P&L and 本年利润 at zero and the year's profit in
 * 利润分配-未分配利润; hledger's income statement of our export before closing equals the
 * year's 净利润 worked out by hand.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { periodCommands } from '../../electron/cli/commands/period';
import { checkBook } from '../../electron/core/book/check';
import { createBook, openBook } from '../../electron/core/book/open';
import { exportHledger } from '../../electron/core/ledger/hledger';
import { trialBalance } from '../../electron/core/ledger/trial-balance';
import { parseAmount } from '../../shared/money';
import { cliJson } from '../support/cli';
import { tempDir } from '../support/temp';
import { buildYear } from '../support/year';

const HLEDGER = '/usr/bin/hledger';

function yearBook(standard: 'small' | 'enterprise' = 'small') {
  const dir = tempDir();
  const path = join(dir, 'year.book');
  process.env.CLIENT_LEDGER_HOME = tempDir('cl-home-');
  const book = createBook({ path, company: '年度测试公司', standard, firstPeriod: '2025-01' });
  const year = buildYear(book, 2025);
  return { dir, path, book, year };
}

/** Σ(debit − credit) of every P&L account through `period` (what 结转损益 must bring to zero). */
const plBalance = (book: ReturnType<typeof openBook>, period: string) =>
  book.sqlite
    .prepare(`SELECT COUNT(*) AS n, COALESCE(SUM(b), 0) AS s FROM (SELECT SUM(debit_fen - credit_fen) AS b FROM ledger_total t JOIN account a ON a.code = t.account_code WHERE a.type IN ('revenue','expense') AND t.period <= ? GROUP BY t.account_code HAVING b <> 0)`)
    .get(period) as { n: number; s: number };

const balanceOf = (book: ReturnType<typeof openBook>, code: string, through: string) =>
  book.sqlite.prepare(`SELECT COALESCE(SUM(debit_fen - credit_fen), 0) FROM ledger_total WHERE account_code = ? AND period <= ?`).pluck().get(code, through) as number;

/** hledger 1.25 classifies accounts by declared type: the export's own directives, or ours for P&L here. */
function hledgerNet(book: ReturnType<typeof openBook>, dir: string): number {
  const journal = join(dir, 'year.journal');
  exportHledger(book, journal);
  const wrapper = join(dir, 'typed.journal');
  const names = book.sqlite.prepare(`SELECT code, name, type FROM account WHERE type IN ('revenue','expense') ORDER BY code`).all() as { code: string; name: string; type: string }[];
  const byCode = new Map((book.sqlite.prepare('SELECT code, name FROM account').all() as { code: string; name: string }[]).map((r) => [r.code, r.name]));
  const full = (code: string) => [4, 6, 8].filter((n) => n <= code.length).map((n) => `${code.slice(0, n)} ${byCode.get(code.slice(0, n))}`).join(':');
  writeFileSync(wrapper, names.map((n) => `account ${full(n.code)}  ; type: ${n.type === 'revenue' ? 'R' : 'X'}\n`).join('') + `include ${journal}\n`);
  const out = execFileSync(HLEDGER, ['-f', wrapper, 'is', '-O', 'csv'], { encoding: 'utf8' });
  const net = out.split('\n').find((l) => l.startsWith('"Net:"'));
  if (!net) throw new Error(`no Net: row in\n${out}`);
  const parsed = parseAmount(/"Net:","([^"]*)"/.exec(net)![1]!.replace('CNY', '').trim());
  if (!parsed.ok) throw new Error(`unparseable ${net}`);
  return parsed.fen;
}

describe('month-end on a hand-built year', () => {
  it('transfers and closes month by month, carries the profit into 未分配利润 and opens the next year at zero', { timeout: 120_000 }, async () => {
    const { dir, path, book, year } = yearBook();
    const a = year.accounts;
    // The year's figures, worked out by hand: revenue − cost − surcharges − admin + 营业外收入 − 营业外支出 − income tax.
    const byHand = year.months.reduce((s, m) => s + m.revenueFen - m.costFen - m.surchargesFen - m.adminFen + m.otherIncomeFen - m.otherExpenseFen - m.incomeTaxFen, 0);
    expect(year.netProfitFen).toBe(byHand);
    expect(year.months[11]!.incomeTaxFen).toBe(Math.floor(year.months.reduce((s, m) => s + m.totalProfitFen, 0) / 4));
    if (existsSync(HLEDGER)) expect(hledgerNet(book, dir)).toBe(year.netProfitFen);
    book.close();

    // Out of order: February cannot close while January is open; its check says why, as JSON, exit 2.
    const early = await cliJson<{ blockers: { code: string; message: string }[] }>(['period', 'close', path, '2025-02'], periodCommands);
    expect(early.code).toBe(2);
    expect(early.json.blockers.map((b) => b.code)).toEqual(['closing.earlierOpen', 'closing.plNotTransferred']);
    expect(early.json.blockers[0]!.message).toContain('2025-01');

    let cumulative = 0;
    for (const [i, m] of year.months.entries()) {
      const t = await cliJson<{ voucherNo: string | null; lines: number }>(['period', 'transfer-pl', path, m.period], periodCommands);
      expect(t.code, m.period).toBe(0);
      expect(t.json.voucherNo).toMatch(/^记-\d{4}$/);
      const again = await cliJson<{ voucherNo: string | null; lines: number }>(['period', 'transfer-pl', path, m.period], periodCommands);
      expect(again.json, `${m.period} again`).toEqual({ voucherNo: null, lines: 0, vouchers: [] });
      const b = openBook(path);
      expect(plBalance(b, m.period), m.period).toEqual({ n: 0, s: 0 });
      cumulative += m.netProfitFen;
      // Before December's carry-forward 本年利润 holds the year to date (credit: negative); after it, zero.
      expect(balanceOf(b, a.currentProfit, m.period), m.period).toBe(i < 11 ? -cumulative : 0);
      b.close();
      const closed = await cliJson<{ period: string; status: string }>(['period', 'close', path, m.period], periodCommands);
      expect(closed, m.period).toMatchObject({ code: 0, json: { period: m.period, status: 'closed' } });
    }

    const b = openBook(path);
    // The next year opens: its first period exists, P&L and 本年利润 at zero, the profit in 未分配利润.
    expect(b.sqlite.prepare(`SELECT status FROM period WHERE period = '2026-01'`).pluck().get()).toBe('open');
    const tb = trialBalance(b, '2026-01', '2026-01');
    const types = new Map((b.sqlite.prepare('SELECT code, type FROM account').all() as { code: string; type: string }[]).map((r) => [r.code, r.type]));
    for (const r of tb.rows) if (types.get(r.code) === 'revenue' || types.get(r.code) === 'expense') expect([r.code, r.openingFen]).toEqual([r.code, 0]);
    expect(tb.rows.find((r) => r.code === a.currentProfit)?.openingFen ?? 0).toBe(0);
    expect(tb.rows.find((r) => r.code === a.undistributed)?.openingFen).toBe(-year.netProfitFen);
    // The closing vouchers keep dimensions: revenue moved per customer.
    const perCustomer = b.sqlite
      .prepare(`SELECT customer_id AS c, SUM(debit_fen) AS d FROM voucher_line WHERE account_code = ? AND voucher_id IN (SELECT id FROM voucher WHERE source_type = 'closing') GROUP BY customer_id ORDER BY customer_id`)
      .all(a.revenue) as { c: number | null; d: number }[];
    expect(perCustomer.map((r) => r.c)).toEqual(year.customers);
    expect(perCustomer.reduce((s, r) => s + r.d, 0)).toBe(year.months.reduce((s, m) => s + m.revenueFen, 0));
    expect(checkBook(b).ok).toBe(true);
    b.close();

    // 反结账 only from the latest closed month backwards, with a reason.
    const beneath = await cliJson<{ error: { code: string } }>(['period', 'reopen', path, '2025-06', '--reason', '补录'], periodCommands);
    expect(beneath).toMatchObject({ code: 2, json: { error: { code: 'closing.reopenNotLatest' } } });
    expect((await cliJson(['period', 'reopen', path, '2025-12', '--reason', '补录发票'], periodCommands)).code).toBe(0);
    expect((await cliJson(['period', 'reopen', path, '2025-11', '--reason', '补录发票'], periodCommands)).code).toBe(0);
    const c = openBook(path);
    const audit = c.sqlite.prepare(`SELECT entity_id, after FROM audit_log WHERE action = 'period.reopen' ORDER BY id`).all() as { entity_id: string; after: string }[];
    expect(audit.map((r) => [r.entity_id, JSON.parse(r.after).reason])).toEqual([['2025-12', '补录发票'], ['2025-11', '补录发票']]);
    c.close();
  });

  it('posts only the difference when P&L entries arrive after a transfer, and blocks closing until then', { timeout: 60_000 }, async () => {
    const { path, book, year } = yearBook('enterprise');
    const a = year.accounts;
    expect(a.revenue).toBe('6001');
    book.close();
    expect((await cliJson(['period', 'transfer-pl', path, '2025-01'], periodCommands)).code).toBe(0);
    const b = openBook(path);
    const { bookVoucher } = await import('../../electron/core/ledger/vouchers');
    b.tx(() => bookVoucher(b, { date: '2025-01-30', memo: '补记收入', lines: [{ account: a.receivable, debitFen: 123_45, customerId: year.customers[2]! }, { account: a.revenue, creditFen: 123_45, customerId: year.customers[2]! }] }));
    b.close();
    const blocked = await cliJson<{ blockers: { code: string }[] }>(['period', 'close', path, '2025-01'], periodCommands);
    expect(blocked).toMatchObject({ code: 2, json: { blockers: [{ code: 'closing.plNotTransferred' }] } });
    const diff = await cliJson<{ voucherNo: string; lines: number }>(['period', 'transfer-pl', path, '2025-01'], periodCommands);
    expect(diff.json.lines).toBe(2);
    const c = openBook(path);
    const last = c.sqlite.prepare(`SELECT account_code AS account, debit_fen AS d, credit_fen AS cr, customer_id AS customer FROM voucher_line WHERE voucher_id = (SELECT MAX(id) FROM voucher) ORDER BY line_no`).all();
    expect(last).toEqual([
      { account: '6001', d: 123_45, cr: 0, customer: year.customers[2] },
      { account: a.currentProfit, d: 0, cr: 123_45, customer: null },
    ]);
    expect(a.currentProfit).toBe('4103');
    c.close();
    expect((await cliJson(['period', 'close', path, '2025-01'], periodCommands)).code).toBe(0);
  });
});
