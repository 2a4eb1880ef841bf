/** Report exports as worker jobs (see jobs/registry.ts); progress is rows written of rows total. */
import type { JobProgress } from '../../../shared/contract/events';
import type { ExportResult, PackResult } from '../../../shared/contract/reports';
import { defineJob } from '../jobs/define';
import { exportPack, exportReport, type ExportParams, type PackParams } from './export';

const written = (done: number, total: number): JobProgress => ({ phase: 'write', fraction: total > 0 ? done / total : 0, done, total });

export const exportReportJob = defineJob<ExportParams, ExportResult, JobProgress>(({ book, locale, payload, progress }) =>
  exportReport(book, locale, payload, (done, total) => progress(written(done, total))),
);

export const exportPackJob = defineJob<PackParams, PackResult, JobProgress>(({ book, locale, payload, progress }) =>
  exportPack(book, locale, payload, (done, total) => progress(written(done, total))),
);
