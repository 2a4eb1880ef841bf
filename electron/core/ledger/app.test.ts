/** The ledger channels through the real dispatch: drafts, posting, reversal, periods, pages. */
import { describe, expect, it } from 'vitest';
import { testSession } from '../../../test/support/session';

async function session() {
  const t = testSession();
  await t.call('book.create', { path: 'ledger.book', company: '测试公司', firstPeriod: '2026-01' });
  // These tests post their drafts straight away, as a book without 审核 does (workflow.test.ts covers review).
  await t.call('vouchers.setSettings', { reviewRequired: false });
  return t;
}

const cash = (date: string, fen: number, memo = '投资') => ({ date, memo, lines: [{ account: '1002', debitFen: fen }, { account: '3001', creditFen: fen }] });

describe('ledger channels', () => {
  it('saves, replaces, posts, reverses and deletes vouchers', async () => {
    const { call, callErr } = await session();
    const draft = await call('vouchers.save', cash('2026-01-05', 10000));
    expect(draft).toMatchObject({ status: 'draft', number: null, debitFen: 10000, creditFen: 10000 });
    const replaced = await call('vouchers.save', { id: draft.id, ...cash('2026-02-03', 25000, '改') });
    expect(replaced).toMatchObject({ id: draft.id, period: '2026-02', memo: '改', debitFen: 25000 });
    expect(replaced.lines.map((l) => [l.lineNo, l.account, l.accountName])).toEqual([[1, '1002', '银行存款'], [2, '3001', '实收资本']]);
    const posted = await call('vouchers.post', { id: draft.id });
    expect(posted).toMatchObject({ status: 'posted', number: 1, no: '记-0001' });
    expect((await callErr('vouchers.post', { id: draft.id })).code).toBe('ledger.alreadyPosted');
    expect((await callErr('vouchers.save', { id: draft.id, ...cash('2026-02-03', 1) })).code).toBe('ledger.postedImmutable');
    expect((await callErr('vouchers.delete', { id: draft.id })).code).toBe('ledger.postedImmutable');
    const rev = await call('vouchers.reverse', { id: draft.id });
    expect(rev).toMatchObject({ status: 'posted', no: '记-0002', reversesId: draft.id, debitFen: -25000 });
    expect((await call('vouchers.get', { id: draft.id })).reversedById).toBe(rev.id);
    const other = await call('vouchers.save', cash('2026-02-04', 1));
    expect((await callErr('vouchers.reverse', { id: other.id })).code).toBe('ledger.reverseDraft');
    await call('vouchers.delete', { id: other.id });
    expect((await callErr('vouchers.get', { id: other.id })).code).toBe('ledger.voucherNotFound');
    const list = await call('vouchers.page', { period: '2026-02', limit: 1 });
    expect(list.rows.map((r) => r.no)).toEqual(['记-0002']);
    const more = await call('vouchers.page', { period: '2026-02', limit: 1, after: list.next });
    expect(more).toMatchObject({ rows: [{ no: '记-0001', debitFen: 25000, lineCount: 2, reversedById: rev.id }], next: null });
    expect((await call('book.check', {})).ok).toBe(true);
  });

  it('refuses the rules the posting core does not reach through the screen', async () => {
    const { call, callErr } = await session();
    expect((await callErr('vouchers.save', { date: '2026-01-05', lines: [{ account: '1002', debitFen: 1.5 }, { account: '3001', creditFen: 1.5 }] })).code).toBe('payload.invalid');
    await call('accounts.setActive', { code: '1001', active: false });
    expect((await callErr('vouchers.save', { date: '2026-01-05', lines: [{ account: '1001', debitFen: 1 }, { account: '3001', creditFen: 1 }] })).code).toBe('ledger.inactiveAccount');
    const err = await callErr('vouchers.save', { date: '2026-01-05', lines: [{ account: '1002', debitFen: 100 }, { account: '3001', creditFen: 90 }] });
    expect(err).toMatchObject({ code: 'ledger.unbalanced' });
    expect(err.message).toContain('0.10');
  });

  it('closes and reopens periods with a reason, refusing writes while closed (core and database)', async () => {
    const { call, callErr, session: s } = await session();
    const v = await call('vouchers.save', cash('2026-01-05', 500));
    expect((await callErr('periods.close', { period: '2026-01' })).code).toBe('ledger.draftsInPeriod');
    await call('vouchers.post', { id: v.id });
    const periods = await call('periods.close', { period: '2026-01' });
    expect(periods.find((p) => p.period === '2026-01')).toMatchObject({ status: 'closed', posted: 1, drafts: 0, closedBy: 'accountant' });
    expect((await callErr('vouchers.save', cash('2026-01-20', 1))).code).toBe('ledger.periodClosed');
    expect((await callErr('vouchers.reverse', { id: v.id })).code).toBe('ledger.periodClosed');
    expect((await callErr('periods.close', { period: '2026-01' })).code).toBe('ledger.periodClosed');
    // The database refuses too, even for a writer that skips the core.
    const db = s.requireBook().sqlite;
    expect(() => db.prepare(`INSERT INTO voucher (period, date, created_at, created_by) VALUES ('2026-01', '2026-01-21', 'x', 'x')`).run()).toThrow(/period closed/);
    expect(() => db.prepare(`DELETE FROM voucher_line WHERE voucher_id = ?`).run(v.id)).toThrow(/period closed|immutable/);
    expect((await callErr('periods.reopen', { period: '2026-01', reason: '  ' })).code).toBe('payload.invalid');
    expect((await callErr('periods.reopen', { period: '2026-02', reason: '补录' })).code).toBe('ledger.periodNotClosed');
    await call('periods.reopen', { period: '2026-01', reason: '补录发票' });
    const audit = db.prepare(`SELECT after FROM audit_log WHERE action = 'period.reopen'`).get() as { after: string };
    expect(JSON.parse(audit.after)).toMatchObject({ reason: '补录发票' });
    await call('vouchers.save', cash('2026-01-20', 1));
  });

  it('pages the detail ledger with a running balance and the journal in voucher order', async () => {
    const { call } = await session();
    const amounts = [300, 200, 700, 100, 900];
    for (const [i, a] of amounts.entries()) {
      const v = await call('vouchers.save', { date: `2026-0${1 + (i % 3)}-1${i}`, memo: `m${i}`, lines: [{ account: '1002', debitFen: a }, { account: '1001', debitFen: 5 }, { account: '3001', creditFen: a + 5 }] });
      await call('vouchers.post', { id: v.id });
    }
    const rows = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof call<'ledger.detailPage'>>> = await call('ledger.detailPage', { account: '1002', from: '2026-02', to: '2026-03', after, limit: 2 });
      rows.push(...page.rows);
      after = page.next;
    } while (after);
    // Opening = the January vouchers (i = 0, 3): 300 + 100.
    expect(rows.map((r) => [r.period, r.debitFen, r.balanceFen])).toEqual([
      ['2026-02', 0, 400],
      ['2026-02', 200, 600],
      ['2026-02', 900, 1500],
      ['2026-03', 700, 2200],
    ]);
    // Voucher-number order, not creation order: a draft posted later comes later.
    const late = await call('vouchers.save', cash('2026-04-02', 11));
    const early = await call('vouchers.save', cash('2026-04-03', 22));
    await call('vouchers.post', { id: early.id });
    await call('vouchers.post', { id: late.id });
    const april = await call('ledger.detailPage', { account: '1002', from: '2026-04', to: '2026-04', limit: 10 });
    expect(april.rows.map((r) => [r.no, r.debitFen])).toEqual([['', 0], ['记-0001', 22], ['记-0002', 11]]);
    const journal = await call('ledger.journalPage', { from: '2026-01', to: '2026-03', limit: 100 });
    expect(journal.rows).toHaveLength(15);
    const keys = journal.rows.map((r) => `${r.period} ${r.no} ${r.lineNo}`);
    expect(keys).toEqual([...keys].sort());
    const paged = await call('ledger.journalPage', { from: '2026-02', to: '2026-02', limit: 4 });
    const rest = await call('ledger.journalPage', { from: '2026-02', to: '2026-02', limit: 4, after: paged.next });
    expect([...paged.rows, ...rest.rows].map((r) => r.creditFen).filter(Boolean)).toEqual([205, 905]);
    expect(rest.next).toBeNull();
  });
});
