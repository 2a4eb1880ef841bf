/** Through the real dispatch: users and login, receipts with their size limit, the two reports. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testSession } from '../../../test/support/session';
import { runReport } from '../reports/index';
import { RECEIPT_LIMIT } from './receipts';

async function setup() {
  const t = testSession();
  await t.call('book.create', { path: 'claims', company: '测试公司', firstPeriod: '2026-01' });
  const book = t.session.requireBook();
  book.sqlite.prepare(`UPDATE policy_rule SET active = 0 WHERE kind IN ('old_date','weekend','future_date')`).run();
  const emp = Number(book.sqlite.prepare(`INSERT INTO employee (code, name, name_key) VALUES ('E1', '王经理', '王经理')`).run().lastInsertRowid);
  const cust = Number(book.sqlite.prepare(`INSERT INTO customer (code, name, name_key) VALUES ('C1', '甲公司', '甲公司')`).run().lastInsertRowid);
  const opts = await t.call('claims.options', {});
  const cat = (code: string) => opts.categories.find((c) => c.code === code)!.id;
  return { ...t, book, emp, cust, cat };
}

describe('users', () => {
  it('creates users with optional scrypt passwords; login switches the acting user recorded on actions', async () => {
    const { call, callErr, book, emp } = await setup();
    await call('users.create', { name: 'wang', role: 'manager', employeeId: emp, password: 'secret1' });
    expect((await callErr('users.create', { name: 'WANG', role: 'admin' })).code).toBe('users.exists');
    expect((await callErr('users.create', { name: 'x', role: 'admin', password: '123' })).code).toBe('users.passwordTooShort');
    const stored = book.sqlite.prepare(`SELECT password_hash FROM app_user WHERE name = 'wang'`).get() as { password_hash: string };
    expect(stored.password_hash).toMatch(/^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect((await callErr('users.login', { name: 'wang', password: 'wrong!!' })).code).toBe('users.badPassword');
    expect((await callErr('users.login', { name: 'wang' })).code).toBe('users.badPassword');
    expect((await callErr('users.login', { name: 'nobody' })).code).toBe('users.unknown');
    await call('users.login', { name: 'wang', password: 'secret1' });
    const list = await call('users.list', {});
    expect(list.current).toMatchObject({ name: 'wang', role: 'manager', employeeName: '王经理', hasPassword: true });
    expect((await call('app.info', {})).user).toBe('wang');
    const last = book.sqlite.prepare('SELECT user, action FROM audit_log ORDER BY id DESC LIMIT 1').get();
    expect(last).toEqual({ user: 'wang', action: 'user.login' });
  });
});

describe('claims through the channels', () => {
  it('saves a claim, attaches a receipt (refusing one over the limit), submits as the manager and refuses self-approval', async () => {
    const { call, callErr, dir, emp, cust, cat } = await setup();
    await call('users.create', { name: 'wang', role: 'manager', employeeId: emp });
    const d = await call('claims.save', {
      employeeId: emp,
      title: '拜访',
      lines: [{ date: '2026-03-10', categoryId: cat('TRAVEL'), customerId: cust, amountFen: 60000, invoiceNo: 'A-1', receipt: false }],
    });
    expect(d.violations.map((v) => v.kind)).toContain('receipt_required');
    const ok = join(dir, 'invoice.pdf');
    writeFileSync(ok, Buffer.alloc(2048, 1));
    const big = join(dir, 'huge.jpg');
    writeFileSync(big, Buffer.alloc(RECEIPT_LIMIT + 1));
    const err = await callErr('claims.attach', { id: d.id, lineNo: 1, path: big });
    expect(err.code).toBe('claims.receiptTooLarge');
    expect(err.message).toContain('huge.jpg');
    const r = await call('claims.attach', { id: d.id, lineNo: 1, path: ok });
    expect(r).toMatchObject({ fileName: 'invoice.pdf', size: 2048 });
    const after = await call('claims.get', { id: d.id });
    expect(after.lineRows[0]!.receipt).toBe(true);
    expect(after.violations.map((v) => v.kind)).not.toContain('receipt_required');
    const out = await call('claims.receipt', { receiptId: r.id, path: join(dir, 'out', '发票副本.pdf') });
    expect(readFileSync(out.path)).toEqual(Buffer.alloc(2048, 1));

    await call('users.login', { name: 'wang' });
    const sub = await call('claims.submit', { id: d.id });
    expect(sub.claim.status).toBe('submitted');
    expect(sub.claim.steps[0]).toMatchObject({ action: 'submit', user: 'wang' });
    const self = await callErr('claims.approve', { id: d.id });
    expect(self.code).toBe('claims.selfApproval');
    expect((await callErr('claims.save', { id: d.id, employeeId: emp, lines: [] })).code).toBe('claims.noLines');
    expect((await callErr('claims.save', { id: d.id, employeeId: emp, lines: [{ date: '2026-03-10', categoryId: cat('TRAVEL'), amountFen: 1 }] })).code).toBe('claims.badStatus');
  });

  it('budget and claims-audit reports show budget vs actual with committed, violations, duplicates, large approvals and the timeline', async () => {
    const { call, book, emp, cust, cat } = await setup();
    await call('users.create', { name: 'li', role: 'manager' });
    await call('budgets.save', { periodKind: 'quarter', period: '2026-Q1', employeeId: emp, amountFen: 2000000 });
    const line = (amountFen: number, invoiceNo: string) => ({ date: '2026-03-10', categoryId: cat('TRAVEL'), customerId: cust, amountFen, invoiceNo, receipt: true });
    const big = await call('claims.save', { employeeId: emp, lines: [line(1200000, 'INV-1')] });
    const dup = await call('claims.save', { employeeId: emp, lines: [line(5000, 'ＩＮＶ－１')] });
    await call('claims.submit', { id: big.id });
    await call('users.login', { name: 'li' });
    expect((await call('claims.list', { awaitingMe: true })).map((c) => c.id)).toEqual([big.id]);
    await call('claims.approve', { id: big.id, comment: '同意' });
    expect(await call('claims.list', { awaitingMe: true })).toEqual([]); // now finance's turn
    await call('users.login', { name: 'accountant' });
    expect((await call('claims.list', { awaitingMe: true })).map((c) => c.id)).toEqual([big.id]);
    await call('claims.approve', { id: big.id });
    await call('users.login', { name: 'admin' });
    const done = await call('claims.approve', { id: big.id });
    expect(done.claim.status).toBe('approved');
    expect(done.voucher).not.toBeNull();
    const pending = await call('claims.save', { employeeId: emp, lines: [line(300000, 'INV-3')] });
    await call('claims.submit', { id: pending.id });

    const budget = runReport(book, 'budget', { from: '2026-01', to: '2026-03', filters: {}, locale: 'zh-CN' });
    expect(budget.sections[0]!.rows).toEqual([
      expect.objectContaining({ period: '2026-Q1', budgetFen: 2000000, actualFen: 1200000, committedFen: 300000, usedFen: 1500000, varianceFen: 500000, usedPct: 0.75 }),
    ]);
    expect(runReport(book, 'budget', { from: '2026-04', to: '2026-06', filters: {}, locale: 'zh-CN' }).sections[0]!.rows).toEqual([]);

    const audit = runReport(book, 'claims-audit', { from: '2026-03', to: '2026-03', filters: {}, locale: 'en' });
    const [violations, duplicates, large, timeline] = audit.sections;
    expect(violations!.rows.some((r) => r.claim === dup.id && String(r.message).includes('INV-1'))).toBe(true);
    expect(duplicates!.rows).toEqual([expect.objectContaining({ invoice: 'INV-1', count: 2 })]);
    expect(large!.rows).toEqual([expect.objectContaining({ claim: big.id, amountFen: 1200000, approvers: 'li(manager), accountant(finance), admin(gm)' })]);
    expect(timeline!.rows.filter((r) => r.claim === big.id).map((r) => r.action)).toEqual(['Submitted', 'Approved', 'Approved', 'Approved']);
  });
});
