/** Masters through the real dispatch: NFKC names, sub-accounts, categories, pickers, audited state. */
import { describe, expect, it } from 'vitest';
import { testSession } from '../../../test/support/session';
import { auditMasterRemoval } from './audit';

async function session() {
  const t = testSession();
  await t.call('book.create', { path: 'masters.book', company: '测试公司', firstPeriod: '2026-01' });
  return t;
}

describe('masters', () => {
  it('treats full-width and half-width spellings as one customer, and generates codes', async () => {
    const { call, callErr } = await session();
    const a = await call('customers.create', { name: '蓝海贸易（上海）有限公司', tier: 'A' });
    expect(a).toMatchObject({ code: 'C0001', name: '蓝海贸易（上海）有限公司', active: true });
    const dup = await callErr('customers.create', { name: ' 蓝海贸易(上海)有限公司 ' });
    expect(dup.code).toBe('masters.nameTaken');
    expect(dup.message).toContain('C0001');
    expect((await callErr('customers.create', { code: 'C0001', name: '别的公司' })).code).toBe('masters.codeTaken');
    const dept = await call('departments.create', { name: '销售部' });
    const boss = await call('employees.create', { name: '王经理', departmentId: dept.id });
    const emp = await call('employees.create', { name: '张三', departmentId: dept.id, approverId: boss.id });
    expect(emp).toMatchObject({ code: 'E0002', departmentName: '销售部', approverName: '王经理' });
    expect((await callErr('employees.update', { id: boss.id, approverId: boss.id })).code).toBe('masters.selfApprover');
    expect((await callErr('customers.update', { id: a.id, managerId: 999 })).code).toBe('masters.badRef');
    const b = await call('customers.update', { id: a.id, managerId: emp.id, tier: 'B' });
    expect(b).toMatchObject({ managerName: '张三', tier: 'B', name: '蓝海贸易（上海）有限公司' });
    await call('customers.setActive', { id: a.id, active: false });
    expect((await call('customers.page', { limit: 10 })).rows).toHaveLength(0);
    expect((await call('customers.page', { limit: 10, includeInactive: true, search: '蓝海' })).rows).toHaveLength(1);
    expect((await call('book.check', {})).ok).toBe(true);
  });

  it('adds sub-accounts by 4-2-2 rules and refuses a parent with posted lines', async () => {
    const { call, callErr } = await session();
    const sub = await call('accounts.addSub', { parent: '1002', name: '工商银行' });
    expect(sub).toMatchObject({ code: '100201', parentCode: '1002', type: 'asset', normalSide: 'debit', leaf: true, level: 2 });
    expect((await call('accounts.addSub', { parent: '1002', name: '招商银行' })).code).toBe('100202');
    expect((await callErr('accounts.addSub', { parent: '1002', code: '100301', name: 'x' })).code).toBe('masters.badSubCode');
    expect((await callErr('accounts.addSub', { parent: '1002', code: '100201', name: 'x' })).code).toBe('masters.codeTaken');
    expect((await callErr('accounts.addSub', { parent: '56020101', name: 'x' })).code).toBe('masters.accountDepth');
    await call('vouchers.setSettings', { reviewRequired: false });
    const v = await call('vouchers.save', { date: '2026-01-05', lines: [{ account: '1001', debitFen: 100 }, { account: '3001', creditFen: 100 }] });
    await call('vouchers.post', { id: v.id });
    const refused = await callErr('accounts.addSub', { parent: '1001', name: '备用金' });
    expect(refused.code).toBe('masters.parentHasPostings');
    expect(refused.message).toContain('1001');
    expect((await callErr('accounts.setActive', { code: '1001', active: false })).code).toBe('masters.accountHasBalance');
    // A category booked to a leaf follows it down when the leaf gets its first child.
    const ent = (await call('categories.list', {})).find((c) => c.code === 'ENTERTAIN')!;
    expect(ent.accountCode).toBe('560205');
    const child = await call('accounts.addSub', { parent: '560205', name: '餐饮招待', dims: ['customer'] });
    expect((await call('categories.list', {})).find((c) => c.code === 'ENTERTAIN')?.accountCode).toBe(child.code);
    expect((await callErr('categories.update', { id: ent.id, accountCode: '560205' })).code).toBe('masters.categoryAccount');
    const upd = await call('categories.update', { id: ent.id, synonyms: ['招待费', '招待', ' 招待 '] });
    expect(upd.synonyms).toEqual(['招待费', '招待']);
    expect((await call('accounts.setActive', { code: '1002', active: false })).active).toBe(false);
    expect((await call('masters.lookup', { kind: 'account', q: '1002', limit: 10 })).map((x) => x.code)).toEqual([]);
    expect((await call('book.check', {})).ok).toBe(true);
  });

  it('finds accounts, customers and employees by code, name and pinyin initials', async () => {
    const { call } = await session();
    await call('customers.create', { name: '蓝海贸易' });
    await call('employees.create', { name: '张三' });
    const travel = await call('masters.lookup', { kind: 'account', q: 'bfcl', limit: 5, leafOnly: true });
    expect(travel[0]).toMatchObject({ code: '56020101', name: '拜访差旅', hint: '管理费用 / 客户管理费 / 拜访差旅' });
    expect((await call('masters.lookup', { kind: 'account', q: 'yhck', limit: 5 }))[0]?.code).toBe('1002');
    expect((await call('masters.lookup', { kind: 'account', q: '5602', limit: 3 })).map((x) => x.code)).toEqual(['5602', '560201', '56020101']);
    expect((await call('masters.lookup', { kind: 'account', q: '管理费用', limit: 50, leafOnly: true })).every((x) => x.code.startsWith('5602'))).toBe(true);
    expect((await call('masters.lookup', { kind: 'customer', q: 'lh', limit: 5 }))[0]?.name).toBe('蓝海贸易');
    expect((await call('masters.lookup', { kind: 'employee', q: 'zs', limit: 5 }))[0]?.name).toBe('张三');
    expect(await call('masters.lookup', { kind: 'employee', q: 'qqq', limit: 5 })).toEqual([]);
  });

  it('detects a master row edited behind the app (book check)', async () => {
    const { call, session: s } = await session();
    const c = await call('customers.create', { name: '蓝海贸易', tier: 'A' });
    await call('categories.update', { id: 1, synonyms: ['出差'] });
    expect((await call('book.check', {})).ok).toBe(true);
    s.requireBook().sqlite.prepare(`UPDATE customer SET tier = 'VIP' WHERE id = ?`).run(c.id);
    const report = await call('book.check', {});
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => f.message).join('\n')).toMatch(new RegExp(`customer ${c.id}: tier differ`));
    s.requireBook().sqlite.prepare(`UPDATE customer SET tier = 'A' WHERE id = ?`).run(c.id);
    s.requireBook().sqlite.prepare(`UPDATE category SET account_code = '1002' WHERE id = 1`).run();
    // The row log (book/row-log.ts) reports these edits too, and for good (never sealed): here only the masters check is judged.
    const mastersFindings = async () => (await call('book.check', {})).findings.map((f) => f.message).filter((m) => !/^\w+ \[|^\w+: \d+ change/.test(m));
    expect(await mastersFindings()).toEqual([expect.stringMatching(/category 1: account_code differ/)]);
    s.requireBook().sqlite.prepare(`UPDATE category SET account_code = '56020101' WHERE id = 1`).run();
    // A row deleted behind the app is missed; one removed on purpose (an undone import) is recorded and expected gone.
    const d = await call('customers.create', { name: '临时客户' });
    s.requireBook().sqlite.prepare(`DELETE FROM customer WHERE id = ?`).run(d.id);
    expect(await mastersFindings()).toEqual([expect.stringMatching(new RegExp(`customer ${d.id}: audited .* missing`))]);
    s.requireBook().tx(() => auditMasterRemoval(s.requireBook(), 'customer', [d.id], 'batch-7'));
    expect(await mastersFindings()).toEqual([]);
  });
});
