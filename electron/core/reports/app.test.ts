import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addCustomer } from '../../../test/support/book';
import { testSession } from '../../../test/support/session';
import { bookVoucher } from '../ledger/vouchers';
import { waitJob } from '../jobs/runner';
import type { ExportResult, PackResult } from '../../../shared/contract/reports';

async function session() {
  const s = testSession();
  await s.call('book.create', { path: join(s.dir, 'r.book'), company: '报表测试', firstPeriod: '2026-01' });
  const book = s.session.requireBook();
  const c = addCustomer(book, 'C01', '蓝海');
  book.tx(() => bookVoucher(book, { date: '2026-02-03', lines: [{ account: '56020103', debitFen: 8_800, customerId: c }, { account: '1001', creditFen: 8_800 }] }));
  return { ...s, customer: c };
}

const range = { from: '2026-01', to: '2026-03' };

describe('report channels', () => {
  it('lists reports in the UI language and runs one with filters', async () => {
    const { call, customer } = await session();
    const zh = await call('reports.list', {});
    expect(zh.map((r) => r.name)).toEqual(expect.arrayContaining(['expense-by-category', 'expense-by-customer', 'expense-by-employee', 'expense-by-department']));
    expect(zh.find((r) => r.name === 'expense-by-customer')?.title).toBe('客户管理费用（按客户）');
    await call('app.setLocale', { locale: 'en' });
    expect((await call('reports.list', {})).find((r) => r.name === 'expense-by-customer')?.title).toBe('Client expenses by customer');
    const r = await call('reports.run', { name: 'expense-by-customer', ...range, filters: { customerId: customer } });
    expect(r).toMatchObject({ report: 'expense-by-customer', company: '报表测试', ...range });
    expect(r.sections[0]!.totals).toMatchObject({ totalFen: 8_800 });
    const dims = await call('reports.dimensions', {});
    expect(dims.customers).toEqual([{ id: customer, code: 'C01', name: '蓝海' }]);
    expect(dims.categories.find((c) => c.code === 'GIFT')?.name).toBe('Client gifts');
  });

  it('refuses bad requests with typed errors and writes nothing', async () => {
    const { callErr, dir } = await session();
    expect((await callErr('reports.run', { name: 'nope', ...range })).code).toBe('report.unknown');
    expect((await callErr('reports.run', { name: 'expense-by-category', from: '2026-03', to: '2026-01' })).code).toBe('report.badRange');
    expect((await callErr('reports.run', { name: 'expense-by-category', from: '2026-13', to: '2026-01' })).code).toBe('payload.invalid');
    expect((await callErr('reports.export', { name: 'expense-by-category', ...range, path: join(dir, 'x.csv') })).code).toBe('payload.invalid');
    const missing = join(dir, 'no-such-folder', 'x.xlsx');
    const err = await callErr('reports.export', { name: 'expense-by-category', ...range, path: missing });
    expect(err.code).toBe('report.writeFailed');
    expect(err.message).toContain('无法写入文件');
    expect(existsSync(missing)).toBe(false);
    expect((await callErr('reports.export', { name: 'expense-by-category', ...range, path: 'relative.xlsx' })).code).toBe('report.writeFailed');
    expect(existsSync('relative.xlsx')).toBe(false);
  });

  it('exports as a job whose progress and result arrive as events, and the period pack', async () => {
    const { call, callErr, dir, events } = await session();
    const path = join(dir, 'by-category.xlsx');
    const { jobId } = await call('reports.export', { name: 'expense-by-category', ...range, path });
    const out = await waitJob<ExportResult>(jobId);
    // One category row (GIFT) in the structure, three months in the trend.
    expect(out).toEqual({ path, rows: 1 + 3 });
    const mine = events.filter((e) => 'jobId' in e && e.jobId === jobId);
    expect(mine.at(-2)).toEqual({ type: 'job.progress', jobId, job: 'reports.export', progress: { phase: 'write', fraction: 1, done: 4, total: 4 } });
    expect(mine.at(-1)).toEqual({ type: 'job.done', jobId, job: 'reports.export', result: out });
    expect((await callErr('jobs.cancel', { jobId: 'unknown' })).code).toBe('job.notFound');
    expect(await call('jobs.cancel', { jobId })).toEqual({ cancelled: false });
    // A page that missed job.done (its event stream reconnected) asks once and gets the same result.
    expect(await call('jobs.outcome', { jobId })).toEqual({ state: 'done', result: out });
    expect((await callErr('jobs.outcome', { jobId: 'unknown' })).code).toBe('job.notFound');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['费用结构', '月度趋势']);

    const packPath = join(dir, 'pack.xlsx');
    const pack = await waitJob<PackResult>((await call('reports.exportPack', { ...range, path: packPath })).jobId);
    const all = (await call('reports.list', {})).map((r) => r.name);
    // Every report is either in the pack or listed with the reason it was left out.
    expect([...pack.reports, ...pack.skipped.map((s) => s.name)].sort()).toEqual([...all].sort());
    expect(pack.reports).toEqual(expect.arrayContaining(['expense-by-category', 'expense-by-customer']));
    for (const s of pack.skipped) expect(s.reason).not.toBe('');
    await wb.xlsx.readFile(packPath);
    expect(wb.worksheets.length).toBeGreaterThanOrEqual(pack.reports.length);
  });
});
