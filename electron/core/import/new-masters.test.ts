/**
 * Issue 14: the preview lists the customers and employees an import would create, over the
 * whole file, with the codes they get; nothing is written by it; the import creates exactly
 * those (same codes) and refuses a master the user did not confirm.
 */
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/errors';
import type { NewMasters } from '../../../shared/contract/import';
import { waitJob } from '../jobs/runner';
import { addCustomer, addEmployee, testBook } from '../../../test/support/book';
import { testSession } from '../../../test/support/session';
import { writeXlsx } from '../../../test/support/xlsx';
import { PREVIEW_ROWS } from './preview';
import { proposeNewMasters } from './new-masters';
import { runImport } from './run';

const zh = { locale: 'zh-CN' as const };
const HEADER = ['日期', '报销人', '客户', '费用类别', '金额'];
/** Rows beyond the preview's first rows, so only a whole-file dry run finds the late newcomers. */
function rows(): (string | number)[][] {
  const out: (string | number)[][] = [HEADER];
  for (let i = 0; i < PREVIEW_ROWS + 20; i++) out.push([`2026-10-${String(1 + (i % 28)).padStart(2, '0')}`, i % 2 ? '王老员工' : '新员工甲', i % 3 ? '老客户' : '新客户甲', '差旅', 10 + i]);
  out.push(['2026-10-05', '王老员工', '新客户乙', '差旅', 99]);
  out.push(['2026-10-06', '新员工乙', ' 新客户甲 ', '差旅', 98]);
  return out;
}
const state = (book: ReturnType<typeof testBook>) => ({
  customers: book.sqlite.prepare('SELECT code, name FROM customer ORDER BY id').all(),
  employees: book.sqlite.prepare('SELECT code, name FROM employee ORDER BY id').all(),
  changes: book.sqlite.prepare('SELECT total_changes()').pluck().get(),
});

describe('new masters of an import', () => {
  it('are proposed over every row with the codes the import then gives them; the dry run writes nothing', async () => {
    const book = testBook();
    addCustomer(book, 'C001', '老客户');
    addCustomer(book, 'C040', '另一老客户');
    addEmployee(book, 'E07', '王老员工');
    const path = await writeXlsx([{ name: '明细', rows: rows() }]);
    const before = state(book);
    const bytes = statSync(book.path).size;
    const proposed = await proposeNewMasters(book, { kind: 'expenses', path });
    expect(state(book)).toEqual(before);
    expect(statSync(book.path).size).toBe(bytes);
    const lastRow = PREVIEW_ROWS + 23;
    expect(proposed.customers.map(({ code, name, rows }) => ({ code, name, rows }))).toEqual([
      { code: 'C041', name: '新客户甲', rows: 18 },
      { code: 'C042', name: '新客户乙', rows: 1 },
    ]);
    expect(proposed.customers[1]!.firstRows).toEqual([{ sheet: '明细', row: lastRow - 1 }]);
    expect(proposed.employees.map(({ code, name, rows }) => ({ code, name, rows }))).toEqual([
      { code: 'E08', name: '新员工甲', rows: 25 },
      { code: 'E09', name: '新员工乙', rows: 1 },
    ]);
    expect(proposed.employees[1]!.firstRows).toEqual([{ sheet: '明细', row: lastRow }]);

    const masters = { customers: proposed.customers.map(({ name, code }) => ({ name, code })), employees: proposed.employees.map(({ name, code }) => ({ name, code })) };
    const s = await runImport(book, { kind: 'expenses', path, masters }, zh);
    expect(s.newMasters).toEqual({
      customers: proposed.customers.map(({ code, name, rows }) => ({ code, name, rows })),
      employees: proposed.employees.map(({ code, name, rows }) => ({ code, name, rows })),
    });
    expect(state(book).customers).toEqual([...before.customers, { code: 'C041', name: '新客户甲' }, { code: 'C042', name: '新客户乙' }]);
    expect(state(book).employees).toEqual([...before.employees, { code: 'E08', name: '新员工甲' }, { code: 'E09', name: '新员工乙' }]);
  });

  it('a confirmed master whose code was taken since the preview gets the next free code', async () => {
    const book = testBook();
    const path = await writeXlsx([{ name: 'S', rows: [HEADER, ['2026-10-01', '张伟', '甲公司', '差旅', 1]] }]);
    const proposed = await proposeNewMasters(book, { kind: 'expenses', path });
    expect(proposed.customers.map((c) => c.code)).toEqual(['C0001']);
    addCustomer(book, 'C0001', '别人先建的');
    const s = await runImport(book, { kind: 'expenses', path, masters: { customers: [{ name: '甲公司', code: 'C0001' }], employees: [{ name: '张伟', code: 'E0001' }] } }, zh);
    expect(s.newMasters.customers).toEqual([{ code: 'C0002', name: '甲公司', rows: 1 }]);
  });

  it('an import that needs a master the user did not confirm is refused whole, naming the row', async () => {
    const book = testBook();
    const path = await writeXlsx([{ name: 'S', rows: [HEADER, ['2026-10-01', '张伟', '甲公司', '差旅', 1], ['2026-10-02', '张伟', '乙公司', '差旅', 2]] }]);
    const before = state(book);
    const err = await runImport(book, { kind: 'expenses', path, masters: { customers: [{ name: '甲公司', code: 'C0001' }], employees: [{ name: '张伟', code: 'E0001' }] } }, zh).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).code).toBe('import.masterNotConfirmed');
    expect((err as UserError).params).toMatchObject({ sheet: 'S', row: 3, what: 'customer', name: '乙公司' });
    expect(state(book).customers).toEqual(before.customers);
    expect(book.sqlite.prepare('SELECT COUNT(*) FROM import_batch').pluck().get()).toBe(0);
    // Vouchers go through a row savepoint: the refusal still stops the whole import.
    const err2 = await runImport(book, { kind: 'expenses', as: 'vouchers', path, masters: { customers: [], employees: [] } }, zh).catch((e: unknown) => e);
    expect((err2 as UserError).code).toBe('import.masterNotConfirmed');
    expect(state(book).employees).toEqual(before.employees);
  });

  it('through the service: a job lists them; a customer list lists only the managers it creates', async () => {
    const { call, events, importFile, importErr } = testSession();
    await call('book.create', { path: 'n.book', company: '测试', firstPeriod: '2026-01' });
    const masters = async (kind: 'expenses' | 'customers', path: string) => {
      const { jobId } = await call('import.masters', { kind, path });
      const result = await waitJob<NewMasters>(jobId);
      // The one job protocol: its outcome is pushed as job.done with the same result.
      expect(events.filter((e) => 'jobId' in e && e.jobId === jobId).at(-1)).toEqual({ type: 'job.done', jobId, job: 'import.masters', result });
      return result;
    };
    const path = await writeXlsx([{ name: 'S', rows: [HEADER, ['2026-10-01', '张伟', '甲公司', '差旅', 1]] }]);
    expect(await masters('expenses', path)).toEqual({ customers: [{ code: 'C0001', name: '甲公司', rows: 1, firstRows: [{ sheet: 'S', row: 2 }] }], employees: [{ code: 'E0001', name: '张伟', rows: 1, firstRows: [{ sheet: 'S', row: 2 }] }] });
    const list = await writeXlsx([{ name: '客户', rows: [['客户名称', '客户级别', '客户经理'], ['乙公司', 'A', '李娜']] }], 'list.xlsx');
    expect(await masters('customers', list)).toMatchObject({ customers: [], employees: [{ code: 'E0001', name: '李娜', rows: 1 }] });
    // A customer list's own customers need no confirmation; its unconfirmed manager does.
    expect((await importErr({ kind: 'customers', path: list, masters: { customers: [], employees: [] } })).code).toBe('import.masterNotConfirmed');
    const s = await importFile({ kind: 'customers', path: list, masters: { customers: [], employees: [{ name: '李娜', code: 'E0001' }] } });
    expect([s.accepted, s.createdCustomers, s.createdEmployees]).toEqual([1, 1, 1]);
  });
});
