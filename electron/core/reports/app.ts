/**
 * Report channels: list, run, export one report, export the period pack, and the export
 * progress the screen polls. Reports only read, so no transaction is needed; a report is
 * run against one consistent snapshot because better-sqlite3 runs each query to completion.
 * Exports run in a job worker (export.ts, export-jobs.ts) so the window never waits on them.
 */
import type { ExportProgress, PackResult, ReportDimensions } from '../../../shared/contract/reports';
import type { Locale } from '../../../shared/messages/index';
import type { Book } from '../book/book';
import { getJob, startJob } from '../jobs/runner';
import { defineHandlers } from '../service/handlers';
import type { Session } from '../service/session';
import { reports, runReport } from './index';
import { outputPath } from '../files/user-paths';
import { isAbsolute } from 'node:path';
import { UserError } from '../../../shared/errors';

// The CLI, tests and benchmarks call these in-process.
export { exportPack, exportReport, type ExportParams } from './export';

/** Exports run in a job worker; reports.progress reads the job table by the id the screen chose. */
function exportJob<R>(s: Session, job: 'reports.export' | 'reports.pack', req: { jobId?: string | undefined; path: string }): Promise<R> {
  return startJob<R>(s, job, req, { id: req.jobId }).done;
}

/** The core's output rule; a report's unwritable path keeps its own message (report.writeFailed names the folder and Excel). */
function reportOutput(s: Session, path: string): string {
  if (!isAbsolute(path)) throw new UserError('report.writeFailed', { path, detail: 'relative path' });
  try {
    return outputPath(s, path);
  } catch (e) {
    if (e instanceof UserError && e.code === 'file.folderMissing') throw new UserError('report.writeFailed', { path, detail: 'ENOENT' });
    throw e;
  }
}

function exportProgress(jobId: string): ExportProgress {
  const job = getJob(jobId);
  const p = (job.progress as Omit<ExportProgress, 'finished'> | null) ?? { done: 0, total: 0 };
  return { done: p.done, total: p.total, finished: job.state !== 'running' };
}

export function reportDimensions(book: Book, locale: Locale): ReportDimensions {
  const active = (table: 'customer' | 'employee' | 'department') =>
    book.db.all(book.q.selectFrom(table).select(['id', 'code', 'name']).where('active', '=', 1).orderBy('code'));
  return {
    customers: active('customer'),
    employees: active('employee'),
    departments: active('department'),
    categories: book.db.all(
      book.q
        .selectFrom('category')
        .select((eb) => ['id', 'code', locale === 'en' ? eb.fn.coalesce(eb.fn<string | null>('nullif', ['name_en', eb.val('')]), 'name').as('name') : 'name'])
        .orderBy('id'),
    ),
  };
}

export const reportsHandlers = defineHandlers({
  'reports.list': (_req, s) => [...reports.values()].map((m) => ({ name: m.name, title: m.title[s.locale] })),
  'reports.dimensions': (_req, s) => reportDimensions(s.requireBook(), s.locale),
  'reports.run': (req, s) => runReport(s.requireBook(), req.name, { from: req.from, to: req.to, filters: req.filters, locale: s.locale }),
  'reports.export': (req, s) => exportJob<{ path: string; rows: number }>(s, 'reports.export', { ...req, path: reportOutput(s, req.path) }),
  'reports.exportPack': (req, s) => exportJob<PackResult>(s, 'reports.pack', { ...req, path: reportOutput(s, req.path) }),
  'reports.progress': (req) => exportProgress(req.jobId),
});
