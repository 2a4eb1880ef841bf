/**
 * The jobs a worker can run, by name. Only the worker imports this file, so the job code
 * (and what it pulls in) is bundled into job-worker.js as well as the main bundle.
 */
import { checkJob } from '../book/check-job';
import { importJob, newMastersJob } from '../import/import-job';
import { exportPackJob, exportReportJob } from '../reports/export-jobs';
import { printVouchersJob } from '../ledger/print/print';
import type { JobModule } from './define';

export const jobModules = {
  'book.check': checkJob,
  import: importJob,
  'import.masters': newMastersJob,
  'reports.export': exportReportJob,
  'reports.pack': exportPackJob,
  'vouchers.print': printVouchersJob,
} satisfies Record<string, JobModule<never, unknown, never>>;

export type JobName = keyof typeof jobModules;
