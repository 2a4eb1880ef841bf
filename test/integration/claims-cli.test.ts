/**
 * `claims submit|approve|reject|pay BOOK ID --as USER --json` as scripts use it, in a child
 * process on a real book: self-approval refused with exit 2, the chain by amount, a
 * password from CLIENT_LEDGER_PASSWORD, and `report budget` / `report claims-audit`.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBook } from '../../electron/core/book/open';
import { createClaim } from '../../electron/core/claims/create';
import { createUser } from '../../electron/core/users/users';
import { saveBudget } from '../../electron/core/budgets/budgets';
import { tempDir } from '../support/temp';
import { todayLocal } from '../../shared/today';

const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const CLI = join(process.cwd(), 'electron/cli/index.ts');

function cli(dir: string, env: Record<string, string>, ...args: string[]): { code: number; json: Record<string, unknown> } {
  const r = spawnSync(TSX, [CLI, ...args, '--json'], { encoding: 'utf8', env: { ...process.env, CLIENT_LEDGER_HOME: dir, ...env } });
  return { code: r.status ?? -1, json: r.stdout.trim() ? (JSON.parse(r.stdout) as Record<string, unknown>) : {} };
}

describe('claims CLI', () => {
  // Each step is a fresh process (about 3 s of tsx start-up on a busy machine).
  it('walks a claim through the chain with --as, refusing self-approval and wrong passwords', { timeout: 180_000 }, () => {
    const dir = tempDir();
    const path = join(dir, 'claims.book');
    expect(cli(dir, {}, 'book', 'create', path, '--first-period', '2026-01').code).toBe(0);
    const book = openBook(path);
    book.tx(() => {
      book.sqlite.prepare(`UPDATE policy_rule SET active = 0 WHERE kind IN ('old_date','weekend')`).run();
      const emp = Number(book.sqlite.prepare(`INSERT INTO employee (code, name, name_key) VALUES ('E1', '王经理', '王经理')`).run().lastInsertRowid);
      const cat = (book.sqlite.prepare(`SELECT id FROM category WHERE code = 'MEALS'`).get() as { id: number }).id;
      createUser(book, { name: 'wang', role: 'manager', employeeId: emp });
      createUser(book, { name: 'li', role: 'manager', password: 'li-secret' });
      createClaim(book, { employeeId: emp, lines: [{ date: '2026-03-10', categoryId: cat, amountFen: 250000, invoiceNo: 'X1', receipt: true }] });
      saveBudget(book, { periodKind: 'year', period: '2026', employeeId: emp, amountFen: 1000000, warnPct: 80, alertPct: 100, hardBlock: false });
    });
    book.close();

    expect(cli(dir, {}, 'claims', 'submit', path, '1', '--as', 'wang')).toMatchObject({ code: 0, json: { claim: { status: 'submitted', pendingRole: 'manager' } } });
    expect(cli(dir, {}, 'claims', 'approve', path, '1', '--as', 'wang')).toMatchObject({ code: 2, json: { error: { code: 'claims.selfApproval' } } });
    expect(cli(dir, { CLIENT_LEDGER_PASSWORD: 'nope' }, 'claims', 'approve', path, '1', '--as', 'li')).toMatchObject({ code: 2, json: { error: { code: 'users.badPassword' } } });
    const step1 = cli(dir, { CLIENT_LEDGER_PASSWORD: 'li-secret' }, 'claims', 'approve', path, '1', '--as', 'li', '--comment', '同意');
    expect(step1).toMatchObject({ code: 0, json: { voucher: null, claim: { status: 'submitted', pendingRole: 'finance' } } });
    expect(cli(dir, {}, 'claims', 'reject', path, '1', '--as', 'accountant')).toMatchObject({ code: 2, json: { error: { code: 'claims.reasonRequired' } } });
    expect(cli(dir, {}, 'claims', 'approve', path, '1', '--as', 'accountant')).toMatchObject({ code: 0, json: { voucher: '2026-03 记-0001', claim: { status: 'approved' } } });
    expect(cli(dir, {}, 'claims', 'pay', path, '1', '--as', 'li')).toMatchObject({ code: 2 });
    // --account and --date reach the core: an account that is neither bank nor cash, a date not written YYYY-MM-DD.
    expect(cli(dir, {}, 'claims', 'pay', path, '1', '--as', 'accountant', '--account', '2241')).toMatchObject({ code: 2, json: { error: { code: 'claims.payAccount' } } });
    const badDate = cli(dir, {}, 'claims', 'pay', path, '1', '--as', 'accountant', '--account', '1001', '--date', '2026-3-25');
    expect(badDate).toMatchObject({ code: 2, json: { error: { code: 'payload.invalid' } } });
    expect(JSON.stringify(badDate.json)).toContain('日期“2026-3-25”格式不正确');
    expect(cli(dir, {}, 'claims', 'pay', path, '1', '--as', 'accountant')).toMatchObject({ code: 0, json: { claim: { status: 'paid' } } });
    // The defaults: 银行存款, today.
    const paidBook = openBook(path);
    const settled = paidBook.sqlite.prepare(`SELECT v.date, l.account_code FROM claim c JOIN voucher v ON v.id = c.settlement_voucher_id JOIN voucher_line l ON l.voucher_id = v.id AND l.credit_fen > 0`).get();
    paidBook.close();
    expect(settled).toEqual({ date: todayLocal(), account_code: '1002' });

    const budget = cli(dir, {}, 'report', 'budget', path, '--from', '2026-01', '--to', '2026-12');
    expect(budget.code).toBe(0);
    expect(JSON.stringify(budget.json)).toContain('"actualFen":250000');
    const audit = cli(dir, {}, 'report', 'claims-audit', path, '--from', '2026-03', '--to', '2026-03');
    expect(audit.code).toBe(0);
    expect(JSON.stringify(audit.json)).toContain('同意');
  });
});
