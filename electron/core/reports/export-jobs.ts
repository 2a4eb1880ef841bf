/** Report exports as worker jobs (see jobs/registry.ts); progress is rows written of rows total. */
import type { ExportProgress, PackResult } from '../../../shared/contract/reports';
import { defineJob } from '../jobs/define';
import { exportPack, exportReport, type ExportParams, type PackParams } from './export';

type Progress = Omit<ExportProgress, 'finished'>;

export const exportReportJob = defineJob<ExportParams, { path: string; rows: number }, Progress>(({ book, locale, payload, progress }) =>
  exportReport(book, locale, payload, (done, total) => progress({ done, total })),
);

export const exportPackJob = defineJob<PackParams, PackResult, Progress>(({ book, locale, payload, progress }) =>
  exportPack(book, locale, payload, (done, total) => progress({ done, total })),
);
