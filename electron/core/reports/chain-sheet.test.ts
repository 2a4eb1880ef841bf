/** The period pack carries the chain heads recorded when each period closed, and the current ones. */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testSession } from '../../../test/support/session';
import { waitJob } from '../jobs/runner';

describe('period pack', () => {
  it('has the chain head of each close in the range on its last sheet', async () => {
    const { call, dir, session } = testSession();
    await call('book.create', { path: 'co.book', company: '测试', firstPeriod: '2026-01' });
    await call('periods.close', { period: '2026-01' });
    const book = session.requireBook();
    const close = JSON.parse(book.sqlite.prepare(`SELECT after FROM audit_log WHERE action = 'period.close'`).pluck().get() as string) as { chainHead: { auditLastId: number; auditHash: string } };
    expect(close.chainHead.auditHash).toMatch(/^[0-9a-f]{64}$/);
    // The head recorded is the chain as it stood just before the closing record.
    expect(book.sqlite.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck().get(close.chainHead.auditLastId)).toBe(close.chainHead.auditHash);
    const path = join(dir, 'pack.xlsx');
    await waitJob((await call('reports.exportPack', { from: '2026-01', to: '2026-01', path })).jobId);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[wb.worksheets.length - 1]!;
    const cells: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value))));
    expect(cells).toContain(close.chainHead.auditHash);
  }, 60_000);
});
