import { describe, expect, it } from 'vitest';
import { addCustomer, testBook } from '../../../test/support/book';
import { runReport } from '../reports/index';
import { createSchedule, runSchedules } from '../schedules/schedules';
import { postExpense, postRevenue } from './fixture.test-support';
import { saveRule } from './rules';
import { runAllocation } from './runs';

describe('allocation report modules', () => {
  it('allocation, profitability (whale chart), manager-roi and schedules render from the book', () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const a = addCustomer(book, 'C1', '甲');
    const b = addCustomer(book, 'C2', '乙');
    postRevenue(book, '2026-02-01', a, 300_00);
    postRevenue(book, '2026-02-01', b, 100_00);
    postExpense(book, '2026-02-02', '560203', 100_01);
    postExpense(book, '2026-02-02', '560202', 10_00);
    book.tx(() => saveRule(book, { seq: 1, name: '房租', method: 'single', accounts: ['560203'], departmentId: null, driver: 'revenue', target: { kind: 'all' }, active: true }));
    book.tx(() => saveRule(book, { seq: 2, name: '办公', method: 'activity', accounts: ['560202'], departmentId: null, driver: 'equal', target: { kind: 'all' }, active: true }));
    book.tx(() => runAllocation(book, '2026-02'));
    book.tx(() => createSchedule(book, { preset: 'prepaid', name: 'CRM', totalFen: 120_00, firstPeriod: '2026-02', periods: 12 }));
    book.tx(() => runSchedules(book, '2026-02'));
    const params = { from: '2026-01', to: '2026-03', filters: {}, locale: 'zh-CN' as const };

    const alloc = runReport(book, 'allocation', params);
    const pivot = alloc.sections[0]!;
    expect(pivot.columns.map((c) => c.label)).toEqual(['客户', '房租', '办公', '合计']);
    expect(pivot.rows).toEqual([
      { customer: 'C1 甲', totalFen: 75_01 + 5_00, 'pool:房租': 75_01, 'pool:办公': 5_00 },
      { customer: 'C2 乙', totalFen: 25_00 + 5_00, 'pool:房租': 25_00, 'pool:办公': 5_00 },
    ]);
    expect(pivot.totals).toMatchObject({ totalFen: 110_01, 'pool:房租': 100_01, 'pool:办公': 10_00 });
    expect(alloc.sections[1]!.rows[0]).toMatchObject({ pool: '房租', driver: 'revenue', driverValue: 300_00, share: 0.75, amountFen: 75_01 });

    const profit = runReport(book, 'profitability', params).sections[0]!;
    expect(profit.charts).toEqual([expect.objectContaining({ type: 'whale', category: 'name', series: ['cumulativeShare'] })]);
    // The CRM month (12.00) has no customer: overhead, not anyone's direct cost.
    expect(profit.rows.map((r) => [r.code, r.profitFen])).toEqual([
      ['C1', 300_00 - 80_01],
      ['C2', 100_00 - 30_00],
    ]);

    const roi = runReport(book, 'manager-roi', params).sections[0]!;
    expect(roi.rows).toEqual([expect.objectContaining({ manager: '（未指定）', customers: 2, revenueFen: 400_00, expenseFen: 110_01 })]);

    const sched = runReport(book, 'schedules', { ...params, locale: 'en' });
    expect(sched.sections[0]!.rows).toEqual([expect.objectContaining({ name: 'CRM', kind: 'Amortization', postedPeriods: 1, totalFen: 120_00, postedFen: 10_00, remainingFen: 110_00 })]);
    expect(sched.sections[1]!.rows.map((r) => [r.period, r.status])).toEqual([
      ['2026-02', 'Posted'],
      ['2026-03', expect.stringMatching(/Due|Future/)],
    ]);
  });
});
