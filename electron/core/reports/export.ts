/**
 * Report exports: run one report (or every report for the pack) and write the workbook.
 * These run in a job worker (jobs/registry.ts) on the worker's own connection, so the
 * window keeps answering while a big export is written; the CLI and tests call them directly.
 */
import { isAbsolute } from 'node:path';
import { UserError } from '../../../shared/errors';
import type { PackResult } from '../../../shared/contract/reports';
import { message, type Locale } from '../../../shared/messages/index';
import type { ReportFilters, ReportResult } from '../../../shared/report';
import type { Book } from '../book/book';
import { writeReports } from '../excel/write-report';
import { fsUserError } from '../files/paths';
import { reports, runReport } from './index';
import { chainSheet } from './chain-sheet';

export type OnExportProgress = (done: number, total: number) => void;

/** Writes the workbook; a file the user cannot write (open in Excel, no such folder) is their error, not ours. */
async function write(path: string, results: ReportResult[], locale: Locale, onProgress: OnExportProgress | undefined, pack: boolean) {
  // Paths come from the save dialog (or the CLI, which resolves them): never relative to wherever the app runs.
  if (!isAbsolute(path)) throw new UserError('report.writeFailed', { path, detail: 'relative path' });
  try {
    return await writeReports(path, results, { locale, pack, ...(onProgress ? { onProgress } : {}) });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY' || code === 'ENOENT' || code === 'EISDIR' || code === 'EROFS')
      throw new UserError('report.writeFailed', { path, detail: code });
    throw fsUserError(e, path) ?? e;
  }
}

export interface ExportParams {
  name: string;
  from: string;
  to: string;
  filters: ReportFilters;
  path: string;
}

export async function exportReport(book: Book, locale: Locale, p: ExportParams, onProgress?: OnExportProgress): Promise<{ path: string; rows: number }> {
  const result = runReport(book, p.name, { from: p.from, to: p.to, filters: p.filters, locale });
  return write(p.path, [result], locale, onProgress, false);
}

export interface PackParams {
  from: string;
  to: string;
  path: string;
}

/** Every registered report for the period in one workbook; a report that refuses to run without a parameter is listed as skipped. */
export async function exportPack(book: Book, locale: Locale, p: PackParams, onProgress?: OnExportProgress): Promise<PackResult> {
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
  const reportNames = results.map((r) => r.report);
  // Last, the chain heads at each close in the range: the pack is the chain's outside copy.
  const { rows } = await write(p.path, [...results, chainSheet(book, p.from, p.to, locale)], locale, onProgress, true);
  return { path: p.path, rows, reports: reportNames, skipped };
}
