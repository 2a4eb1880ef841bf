/**
 * A closed month stays closed for management data too: timesheets and driver values of a
 * closed month are rejected at import (and by the database), an allocation of a closed month
 * is refused (and its run rows are guarded), a schedule's instalment of a closed month is
 * posted in the next run's open month with a memo saying so, and no period beyond next
 * month is created or closed without the caller's confirmation.
 */
import { describe, expect, it } from 'vitest';
import { addMonths, period } from '../../../shared/period';
import { thisPeriodLocal } from '../../../shared/today';
import { addCustomer, addEmployee, testBook } from '../../../test/support/book';
import { writeXlsx } from '../../../test/support/xlsx';
import { saveRule } from '../allocation/rules';
import { runAllocation } from '../allocation/runs';
import { runImport } from '../import/run';
import { closePeriod, reopenPeriod, withFuturePeriods } from '../ledger/periods';
import { bookVoucher } from '../ledger/vouchers';
import { createSchedule, getSchedule, runSchedules } from '../schedules/schedules';
import { closeCheck } from './check';
import { transferPl } from './transfer';

const zh = { locale: 'zh-CN' as const };
const code = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string; message: string }).code ?? (e as Error).message;
  }
  return 'no error';
};

describe('a closed month stays closed for management data', () => {
  it('rejects timesheets and driver values of a closed month, in the import and in the database', async () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const c = addCustomer(book, 'C1', '甲公司');
    const e = addEmployee(book, 'E1', '张伟');
    book.tx(() => closePeriod(book, '2026-01'));
    const ts = await writeXlsx([{ name: '工时', rows: [['员工', '客户', '工时', '日期'], ['张伟', '甲公司', 7.5, '2026-01-08'], ['张伟', '甲公司', 2, '2026-02-09']] }]);
    const s = await runImport(book, { kind: 'timesheets', path: ts }, zh);
    expect([s.accepted, s.rejected]).toEqual([1, 1]);
    expect(s.rejects.map((r) => r.reason)).toEqual(['期间 2026-01 已结账，不能写入']);
    const dv = await writeXlsx([{ name: '动因', rows: [['客户', '动因', '数值', '期间'], ['甲公司', '订单数', 3, '2026-01'], ['甲公司', '订单数', 4, '2026-02']] }]);
    const d = await runImport(book, { kind: 'drivers', path: dv }, zh);
    expect([d.accepted, d.rejected]).toEqual([1, 1]);
    const db = book.sqlite;
    expect(() => db.prepare(`INSERT INTO timesheet (date, period, employee_id, customer_id, hours_milli) VALUES ('2026-01-05', '2026-01', ?, ?, 1000)`).run(e, c)).toThrow(/period closed/);
    expect(() => db.prepare(`INSERT INTO driver_value (period, driver, customer_id, value_milli) VALUES ('2026-01', 'x', ?, 1)`).run(c)).toThrow(/period closed/);
    expect(() => db.prepare(`UPDATE timesheet SET period = '2026-01' WHERE period = '2026-02'`).run()).toThrow(/period closed/);
    expect(() => db.prepare(`INSERT INTO alloc_run (period, rule_set, rules_json, total_fen, created_at, created_by) VALUES ('2026-01', 'default', '{}', 0, 'x', 'x')`).run()).toThrow(/period closed/);
  });

  it('refuses to re-run the allocation of a closed month; the stored run stays as it was', () => {
    const book = testBook({ firstPeriod: '2026-01' });
    addCustomer(book, 'C1', '甲公司');
    addCustomer(book, 'C2', '乙公司');
    book.tx(() => bookVoucher(book, { date: '2026-01-10', lines: [{ account: book.account('officeExpense'), debitFen: 1000_00 }, { account: book.account('bank'), creditFen: 1000_00 }] }));
    book.tx(() => saveRule(book, { seq: 1, name: '办公费平均', method: 'single', accounts: [book.account('officeExpense')], departmentId: null, driver: 'equal', target: { kind: 'all' }, active: true }));
    const run = book.tx(() => runAllocation(book, '2026-01'));
    book.tx(() => transferPl(book, '2026-01'));
    book.tx(() => closePeriod(book, '2026-01'));
    expect(code(() => book.tx(() => runAllocation(book, '2026-01')))).toBe('closing.allocationClosed');
    expect(() => book.sqlite.prepare(`DELETE FROM alloc_line WHERE run_id = ?`).run(run.runId)).toThrow(/period closed/);
    expect(book.sqlite.prepare(`SELECT SUM(amount_fen) FROM alloc_line WHERE run_id = ?`).pluck().get(run.runId)).toBe(1000_00);
  });

  it('posts an instalment of a closed month in the next run, with a memo naming the closed month', () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const id = book.tx(() => createSchedule(book, { preset: 'prepaid', name: 'CRM', totalFen: 300_00, firstPeriod: '2026-01', periods: 3 }));
    // January closes with its instalment not run (a warning, not a blocker).
    expect(closeCheck(book, '2026-01').warnings.map((w) => w.code)).toContain('closing.schedulesNotRun');
    book.tx(() => (transferPl(book, '2026-01'), closePeriod(book, '2026-01')));
    const r = book.tx(() => runSchedules(book, '2026-02'));
    expect(r.posted.map((p) => p.amountFen)).toEqual([100_00, 100_00]);
    const memos = book.sqlite.prepare(`SELECT period, memo FROM voucher WHERE source_type = 'schedule' ORDER BY id`).all();
    expect(memos).toEqual([
      { period: '2026-02', memo: 'CRM 1/3（2026-01 已结账，补记于 2026-02）' },
      { period: '2026-02', memo: 'CRM 2/3' },
    ]);
    expect(getSchedule(book, id).postedFen).toBe(200_00);
    expect(book.tx(() => runSchedules(book, '2026-02')).posted).toEqual([]);
  });

  it('creates or closes no period beyond next month unless confirmed', () => {
    const book = testBook({ firstPeriod: '2026-01' });
    const far = addMonths(period(thisPeriodLocal()), 2);
    const v = { date: `${far}-03`, lines: [{ account: '1002', debitFen: 1 }, { account: '3001', creditFen: 1 }] };
    expect(code(() => book.tx(() => bookVoucher(book, v)))).toBe('closing.futurePeriod');
    expect(book.sqlite.prepare('SELECT 1 FROM period WHERE period = ?').get(far)).toBeUndefined();
    book.tx(() => withFuturePeriods(book, true, () => bookVoucher(book, v)));
    expect(book.sqlite.prepare('SELECT status FROM period WHERE period = ?').pluck().get(far)).toBe('open');
    const next = addMonths(period(thisPeriodLocal()), 1);
    book.tx(() => bookVoucher(book, { ...v, date: `${next}-02` }));
  });

  it('closes in order and reopens only the latest closed month', () => {
    const book = testBook({ firstPeriod: '2026-01' });
    expect(code(() => book.tx(() => closePeriod(book, '2026-02')))).toBe('closing.earlierOpen');
    book.tx(() => closePeriod(book, '2026-01'));
    book.tx(() => closePeriod(book, '2026-02'));
    expect(code(() => book.tx(() => reopenPeriod(book, '2026-01', '补录')))).toBe('closing.reopenNotLatest');
    book.tx(() => reopenPeriod(book, '2026-02', '补录'));
    book.tx(() => reopenPeriod(book, '2026-01', '补录'));
  });
});
