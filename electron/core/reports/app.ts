/**
 * Report channels: list, run, export one report, export the period pack. Reports only read, so no transaction is needed; a report is
 * run against one consistent snapshot because better-sqlite3 runs each query to completion.
 * Exports are jobs in a worker (export.ts, export-jobs.ts, jobs/announce.ts) so the window never waits on them.
 */
import type { ReportDimensions } from '../../../shared/contract/reports';
import type { Locale } from '../../../shared/messages/index';
import type { Book } from '../book/book';
import { announceJob } from '../jobs/announce';
import { defineHandlers } from '../service/handlers';
import type { Session } from '../service/session';
import { reports, runReport } from './index';
import { outputPath } from '../files/user-paths';
import { isAbsolute } from 'node:path';
import { UserError } from '../../../shared/errors';

// The CLI, tests and benchmarks call these in-process.
export { exportPack, exportReport, type ExportParams } from './export';

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
  'reports.export': (req, s) => announceJob(s, 'reports.export', { ...req, path: reportOutput(s, req.path) }),
  'reports.exportPack': (req, s) => announceJob(s, 'reports.pack', { ...req, path: reportOutput(s, req.path) }),
});
