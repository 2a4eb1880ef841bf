import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addCustomer, testBook } from '../../../test/support/book';
import type { Rule } from './rules';
import { saveRule } from './rules';
import { compute, explain, getRun, postRun, runAllocation } from './runs';
import { whatIf } from './whatif';
import { addDepartment, addStaff, postExpense, postRevenue } from './fixture.test-support';

const rule = (r: Partial<Rule> & Pick<Rule, 'name' | 'accounts' | 'driver'>): Rule => ({ seq: 0, method: 'single', departmentId: null, target: { kind: 'all' }, active: true, ...r });

function setup() {
  const book = testBook({ firstPeriod: '2026-01' });
  // Codes out of insertion order, so code order (the tie-break) is visible.
  const c = { b: addCustomer(book, 'C002', '乙公司', 'A'), a: addCustomer(book, 'C001', '甲公司', 'A'), c: addCustomer(book, 'C003', '丙公司', 'B') };
  return { book, c, rent: book.account('rentExpense'), office: book.account('officeExpense') };
}

describe('single-stage allocation', () => {
  it('splits a pool by revenue exactly, ties by customer code, and the pool excludes customer-carried lines', () => {
    const { book, c, rent } = setup();
    postRevenue(book, '2026-03-05', c.a, 100_00);
    postRevenue(book, '2026-03-06', c.b, 100_00);
    postRevenue(book, '2026-03-07', c.c, 100_00);
    postExpense(book, '2026-03-10', rent, 1000_01);
    postExpense(book, '2026-03-11', rent, 50_00, { customerId: c.a }); // direct: not in the pool
    postExpense(book, '2026-02-11', rent, 70_00); // other period
    const r = compute(book, '2026-03', [rule({ name: '房租', accounts: [book.account('adminExpense')], driver: 'revenue' })]);
    const pool = r.pools[0]!;
    expect(pool.amountFen).toBe(1000_01);
    expect(pool.lines.map((l) => [l.code, l.amountFen])).toEqual([
      ['C001', 333_34],
      ['C002', 333_34],
      ['C003', 333_33],
    ]);
    expect(pool.allocatedFen).toBe(pool.amountFen);
    expect(pool.lines[0]).toMatchObject({ driverValue: 100_00, shareNumerator: 100_00, shareDenominator: 300_00 });
  });

  it('a zero driver total is an error naming the pool and the driver', () => {
    const { book, rent } = setup();
    postExpense(book, '2026-03-10', rent, 1000_00);
    expect(() => compute(book, '2026-03', [rule({ name: '房租池', accounts: [rent], driver: 'table:订单数' })])).toThrowError(
      expect.objectContaining({ code: 'allocation.zeroDriver', params: { pool: '房租池', driver: 'table:订单数' } }),
    );
  });

  it('targets by tier only reach that tier', () => {
    const { book, c, rent } = setup();
    postExpense(book, '2026-03-10', rent, 999);
    const r = compute(book, '2026-03', [rule({ name: 'A级', accounts: [rent], driver: 'equal', target: { kind: 'tier', tiers: ['A'] } })]);
    expect(r.pools[0]!.lines.map((l) => [l.customerId, l.amountFen])).toEqual([
      [c.a, 500],
      [c.b, 499],
    ]);
  });
});

describe('activity-based allocation', () => {
  it('three activity pools each use their own driver and each sums exactly', () => {
    const { book, c, rent, office } = setup();
    const ent = book.account('entertainmentExpense');
    postExpense(book, '2026-04-01', rent, 900_00);
    postExpense(book, '2026-04-01', office, 100_01);
    postExpense(book, '2026-04-01', ent, 333_33);
    const dv = book.sqlite.prepare('INSERT INTO driver_value (period, driver, customer_id, value_milli) VALUES (?, ?, ?, ?)');
    dv.run('2026-04', '订单数', c.a, 1000);
    dv.run('2026-04', '订单数', c.c, 3000);
    const ts = book.sqlite.prepare(`INSERT INTO timesheet (date, period, employee_id, customer_id, hours_milli) VALUES ('2026-04-02', '2026-04', ?, ?, ?)`);
    const emp = addStaff(book, 'E1', null);
    ts.run(emp, c.b, 7500);
    ts.run(emp, c.c, 2500);
    const r = compute(book, '2026-04', [
      rule({ name: '订单处理', method: 'activity', accounts: [rent], driver: 'table:订单数' }),
      rule({ name: '客户服务', method: 'activity', accounts: [office], driver: 'hours' }),
      rule({ name: '客户接待', method: 'activity', accounts: [ent], driver: 'equal' }),
    ]);
    const byPool = Object.fromEntries(r.pools.map((p) => [p.pool, p.lines.map((l) => [l.code, l.amountFen])]));
    expect(byPool['订单处理']).toEqual([
      ['C001', 225_00],
      ['C003', 675_00],
    ]);
    expect(byPool['客户服务']).toEqual([
      ['C002', 75_01],
      ['C003', 25_00],
    ]);
    expect(byPool['客户接待']).toEqual([
      ['C001', 111_11],
      ['C002', 111_11],
      ['C003', 111_11],
    ]);
    for (const p of r.pools) expect(p.allocatedFen).toBe(p.amountFen);
    expect(r.totalFen).toBe(900_00 + 100_01 + 333_33);
  });
});

describe('step-down allocation', () => {
  it('allocates service departments first, in order, to later departments, then to customers', () => {
    const { book, c, rent } = setup();
    const it = addDepartment(book, 'D01', 'IT', true);
    const hr = addDepartment(book, 'D02', '人事', true);
    const sales = addDepartment(book, 'D03', '销售一部');
    const sales2 = addDepartment(book, 'D04', '销售二部');
    for (const [code, d] of [['E1', it], ['E2', hr], ['E3', hr], ['E4', sales], ['E5', sales2], ['E6', sales2], ['E7', sales2]] as const) addStaff(book, code, d);
    postExpense(book, '2026-05-02', rent, 600_00, { departmentId: it });
    postExpense(book, '2026-05-02', rent, 300_00, { departmentId: hr });
    postExpense(book, '2026-05-02', rent, 100_00, { departmentId: sales });
    postExpense(book, '2026-05-02', rent, 1, { departmentId: sales2 });
    postRevenue(book, '2026-05-03', c.a, 1_00);
    postRevenue(book, '2026-05-03', c.c, 3_00);
    // Listed with sales first and HR before IT: service departments still go first, in sequence order.
    const rules = [
      rule({ name: '销售一部', seq: 1, method: 'stepdown', departmentId: sales, accounts: [rent], driver: 'revenue' }),
      rule({ name: '销售二部', seq: 2, method: 'stepdown', departmentId: sales2, accounts: [rent], driver: 'equal' }),
      rule({ name: '人事', seq: 3, method: 'stepdown', departmentId: hr, accounts: [rent], driver: 'headcount' }),
      rule({ name: 'IT', seq: 4, method: 'stepdown', departmentId: it, accounts: [rent], driver: 'headcount' }),
    ];
    const r = compute(book, '2026-05', rules);
    expect(r.pools.map((p) => p.pool)).toEqual(['人事', 'IT', '销售一部', '销售二部']);
    const [hrPool, itPool, s1, s2] = r.pools;
    // HR (300.00) → IT, 销售一部, 销售二部 by headcount 1 : 1 : 3.
    expect(hrPool!.lines.map((l) => [l.code, l.amountFen])).toEqual([
      ['D01', 60_00],
      ['D03', 60_00],
      ['D04', 180_00],
    ]);
    // IT (600.00 + 60.00 received) → 销售一部 : 销售二部 = 1 : 3; it gives nothing back to HR.
    expect(itPool).toMatchObject({ ownFen: 600_00, receivedFen: 60_00, amountFen: 660_00 });
    expect(itPool!.lines.map((l) => [l.code, l.amountFen])).toEqual([
      ['D03', 165_00],
      ['D04', 495_00],
    ]);
    expect(s1).toMatchObject({ ownFen: 100_00, receivedFen: 225_00, amountFen: 325_00 });
    expect(s1!.lines.map((l) => [l.code, l.amountFen])).toEqual([
      ['C001', 81_25],
      ['C003', 243_75],
    ]);
    expect(s2).toMatchObject({ ownFen: 1, receivedFen: 675_00, amountFen: 675_01 });
    expect(s2!.allocatedFen).toBe(675_01);
    expect(r.totalFen).toBe(1000_01);
  });
});

describe('runs, what-if, explain, posting', () => {
  it('what-if compares two rule sets and writes nothing to the book file', () => {
    const { book, c, rent } = setup();
    postRevenue(book, '2026-03-05', c.a, 300_00);
    postRevenue(book, '2026-03-06', c.b, 100_00);
    postExpense(book, '2026-03-10', rent, 400_00);
    book.tx(() => saveRule(book, rule({ name: '房租', accounts: [rent], driver: 'revenue' })));
    book.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const before = readFileSync(book.path);
    const walBefore = book.sqlite.prepare('SELECT COUNT(*) AS n FROM audit_log').get();
    const w = whatIf(book, '2026-03', {}, { rules: [rule({ name: '房租', accounts: [rent], driver: 'equal' })] });
    expect(w.customers.map((x) => [x.code, x.aFen, x.bFen, x.diffFen])).toEqual([
      ['C001', 300_00, 133_34, -166_66],
      ['C002', 100_00, 133_33, 33_33],
      ['C003', 0, 133_33, 133_33],
    ]);
    book.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(book.path).equals(before)).toBe(true);
    expect(book.sqlite.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual(walBefore);
    expect(book.sqlite.prepare('SELECT COUNT(*) AS n FROM alloc_run').get()).toEqual({ n: 0 });
  });

  it('stores a run with its rule snapshot, explains a customer, posts one reclass voucher once', () => {
    const { book, c, rent, office } = setup();
    postRevenue(book, '2026-03-05', c.a, 200_00);
    postRevenue(book, '2026-03-06', c.b, 100_00);
    postExpense(book, '2026-03-10', rent, 300_01);
    postExpense(book, '2026-03-10', office, 30_00);
    book.tx(() => saveRule(book, rule({ name: '管理费用池', accounts: [book.account('adminExpense')], driver: 'revenue' })));
    const { runId } = book.tx(() => runAllocation(book, '2026-03'));
    const run = getRun(book, runId);
    expect(run.snapshot.rules[0]!.name).toBe('管理费用池');
    expect(run.pools[0]!.lines.map((l) => [l.code, l.amountFen])).toEqual([
      ['C001', 220_01],
      ['C002', 110_00],
    ]);
    const ex = explain(book, c.a, '2026-01', '2026-12');
    expect(ex).toEqual([{ period: '2026-03', runId, pool: '管理费用池', driver: 'revenue', poolFen: 330_01, receivedFen: 0, driverValue: 200_00, shareNumerator: 200_00, shareDenominator: 300_00, amountFen: 220_01 }]);

    const { voucherId } = book.tx(() => postRun(book, runId));
    const lines = book.sqlite.prepare('SELECT account_code, debit_fen, credit_fen, customer_id FROM voucher_line WHERE voucher_id = ? ORDER BY line_no').all(voucherId) as {
      account_code: string; debit_fen: number; credit_fen: number; customer_id: number | null;
    }[];
    const debit = lines.reduce((s, l) => s + l.debit_fen, 0);
    expect(debit).toBe(330_01);
    // Per customer the debits are what the run allocated; the uncarried amount is now zero.
    const perCustomer = (id: number) => lines.filter((l) => l.customer_id === id).reduce((s, l) => s + l.debit_fen - l.credit_fen, 0);
    expect(perCustomer(c.a)).toBe(220_01);
    expect(perCustomer(c.b)).toBe(110_00);
    expect(compute(book, '2026-03', run.snapshot.rules).pools[0]!.amountFen).toBe(0);
    expect(() => book.tx(() => postRun(book, runId))).toThrowError(expect.objectContaining({ code: 'allocation.runAlreadyPosted' }));
    expect(() => book.tx(() => runAllocation(book, '2026-03'))).toThrowError(expect.objectContaining({ code: 'allocation.periodPosted' }));
  });
});
