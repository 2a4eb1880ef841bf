/**
 * The demo book: realistic, complete enough that every report has rows, sound (book check),
 * and the same every time it is built.
 */
import { describe, expect, it } from 'vitest';
import { testSession } from '../support/session';

async function demoSummary() {
  const { call, session } = testSession();
  const info = await call('book.demo', {});
  const book = session.requireBook();
  const q = (sql: string) => book.sqlite.prepare(sql).all();
  return {
    info,
    call,
    book,
    facts: {
      customers: q(`SELECT tier, COUNT(*) n FROM customer GROUP BY tier`),
      managers: q(`SELECT COUNT(DISTINCT manager_id) n FROM customer`),
      departments: q(`SELECT COUNT(*) n FROM department`),
      claims: q(`SELECT status, COUNT(*) n, SUM(total_fen) t FROM claim GROUP BY status`),
      tb: q(`SELECT account_code, SUM(debit_fen) d, SUM(credit_fen) c FROM voucher_line WHERE posted = 1 GROUP BY account_code`),
      runs: q(`SELECT COUNT(*) n FROM alloc_run`),
      schedules: q(`SELECT COUNT(*) n FROM schedule`),
      budgets: q(`SELECT COUNT(*) n FROM budget`),
      periods: q(`SELECT period, status FROM period ORDER BY period`),
    },
  };
}

describe('the demo book', () => {
  it('is a realistic company, sound, and the same every time', async () => {
    const a = await demoSummary();
    expect(a.info.company).toBe('示例科技（上海）有限公司');
    expect(a.facts.customers).toEqual([{ tier: 'A', n: 8 }, { tier: 'B', n: 14 }, { tier: 'C', n: 18 }]);
    expect(a.facts.managers).toEqual([{ n: 8 }]);
    expect(a.facts.departments).toEqual([{ n: 4 }]);
    expect(a.facts.periods).toHaveLength(12);
    const statuses = Object.fromEntries((a.facts.claims as { status: string; n: number }[]).map((c) => [c.status, c.n]));
    expect(statuses.paid).toBeGreaterThan(50);
    expect(statuses.submitted).toBeGreaterThan(0); // work waiting for the accountant
    expect(statuses.draft).toBeGreaterThan(0);
    expect(a.facts.runs).toEqual([{ n: 12 }]);
    expect(a.facts.schedules).toEqual([{ n: 2 }]);
    expect(a.facts.budgets).toEqual([{ n: 7 }]); // three departments × month and year, one gift quarter
    expect(await a.call('book.check', {})).toMatchObject({ ok: true, findings: [] });
    const b = await demoSummary();
    expect(b.facts).toEqual(a.facts);
  }, 120_000);

  it('gives every report something to show over the demo year', async () => {
    const { call } = testSession();
    await call('book.demo', {});
    const reports = await call('reports.list', {});
    const empty: string[] = [];
    for (const r of reports) {
      if (r.name === 'detail-ledger') continue; // needs an account: checked below
      const result = await call('reports.run', { name: r.name, from: '2025-12', to: '2026-11', filters: {} });
      if (!result.sections.some((s) => s.rows.length > 0)) empty.push(r.name);
    }
    expect(empty).toEqual([]);
    const detail = await call('reports.run', { name: 'detail-ledger', from: '2025-12', to: '2026-11', filters: { account: '1002' } });
    expect(detail.sections[0]!.rows.length).toBeGreaterThan(10);
  }, 120_000);
});
