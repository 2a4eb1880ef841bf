/**
 * Report channels: list, run, export one report, export the period pack, and the export
 * progress the screen polls. Reports only read, so no transaction is needed; a report is
 * run against one consistent snapshot because better-sqlite3 runs each query to completion.
 */
import { isAbsolute } from 'node:path';
import { UserError } from '../../../shared/errors';
import type { ExportProgress, PackResult, ReportDimensions } from '../../../shared/contract/reports';
import { message, type Locale } from '../../../shared/messages/index';
import type { ReportFilters, ReportResult } from '../../../shared/report';
import type { Book } from '../book/book';
import { writeReports } from '../excel/write-report';
import { defineHandlers } from '../service/handlers';
import { reports, runReport } from './index';

const progress = new Map<string, ExportProgress>();

function track(jobId: string | undefined) {
  if (!jobId) return undefined;
  if (progress.size > 50) progress.delete(progress.keys().next().value!);
  progress.set(jobId, { done: 0, total: 0, finished: false });
  return (done: number, total: number) => progress.set(jobId, { done, total, finished: false });
}

/** Writes the workbook; a file the user cannot write (open in Excel, no such folder) is their error, not ours. */
async function write(path: string, results: ReportResult[], locale: Locale, jobId: string | undefined, pack: boolean) {
  // Paths come from the save dialog (or the CLI, which resolves them): never relative to wherever the app runs.
  if (!isAbsolute(path)) throw new UserError('report.writeFailed', { path, detail: 'relative path' });
  const onProgress = track(jobId);
  try {
    return await writeReports(path, results, { locale, pack, ...(onProgress ? { onProgress } : {}) });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY' || code === 'ENOENT' || code === 'EISDIR' || code === 'EROFS')
      throw new UserError('report.writeFailed', { path, detail: code });
    throw e;
  } finally {
    if (jobId) progress.set(jobId, { ...(progress.get(jobId) ?? { done: 0, total: 0 }), finished: true });
  }
}

export interface ExportParams {
  name: string;
  from: string;
  to: string;
  filters: ReportFilters;
  path: string;
  jobId?: string | undefined;
}

export async function exportReport(book: Book, locale: Locale, p: ExportParams): Promise<{ path: string; rows: number }> {
  const result = runReport(book, p.name, { from: p.from, to: p.to, filters: p.filters, locale });
  return write(p.path, [result], locale, p.jobId, false);
}

/** Every registered report for the period in one workbook; a report that refuses to run without a parameter is listed as skipped. */
export async function exportPack(book: Book, locale: Locale, p: { from: string; to: string; path: string; jobId?: string | undefined }): Promise<PackResult> {
  if (p.from > p.to) throw new UserError('report.badRange', { from: p.from, to: p.to });
  const results: ReportResult[] = [];
  const skipped: PackResult['skipped'] = [];
  for (const name of reports.keys()) {
    try {
      results.push(runReport(book, name, { from: p.from, to: p.to, filters: {}, locale }));
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      skipped.push({ name, reason: message(locale, e.code, e.params) });
    }
  }
  const { rows } = await write(p.path, results, locale, p.jobId, true);
  return { path: p.path, rows, reports: results.map((r) => r.report), skipped };
}

export function reportDimensions(book: Book, locale: Locale): ReportDimensions {
  const all = (sql: string) => book.sqlite.prepare(sql).all() as ReportDimensions['customers'];
  return {
    customers: all(`SELECT id, code, name FROM customer WHERE active = 1 ORDER BY code`),
    employees: all(`SELECT id, code, name FROM employee WHERE active = 1 ORDER BY code`),
    departments: all(`SELECT id, code, name FROM department WHERE active = 1 ORDER BY code`),
    categories: all(`SELECT id, code, ${locale === 'en' ? "COALESCE(NULLIF(name_en, ''), name)" : 'name'} AS name FROM category ORDER BY id`),
  };
}

export const reportsHandlers = defineHandlers({
  'reports.list': (_req, s) => [...reports.values()].map((m) => ({ name: m.name, title: m.title[s.locale] })),
  'reports.dimensions': (_req, s) => reportDimensions(s.requireBook(), s.locale),
  'reports.run': (req, s) => runReport(s.requireBook(), req.name, { from: req.from, to: req.to, filters: req.filters, locale: s.locale }),
  'reports.export': (req, s) => exportReport(s.requireBook(), s.locale, req),
  'reports.exportPack': (req, s) => exportPack(s.requireBook(), s.locale, req),
  'reports.progress': (req) => {
    const p = progress.get(req.jobId);
    if (!p) throw new UserError('job.notFound', { id: req.jobId });
    return p;
  },
});
