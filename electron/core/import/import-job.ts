/** An import as a worker job: runImport on the worker's connection, its phases passed on as progress. */
import type { JobProgress } from '../../../shared/contract/events';
import type { ImportSummary } from '../../../shared/contract/import';
import { defineJob } from '../jobs/define';
import { runImport, type RunRequest } from './run';

/**
 * Rows are written as they are read, so the read phase is nearly all of it; what is left
 * after the last row (closing the claims, the batch record, COMMIT) is the last twentieth.
 */
export const importProgress = (phase: 'read' | 'write', fraction: number, rows: number): JobProgress => ({
  phase,
  fraction: phase === 'read' ? fraction * 0.95 : 0.95 + fraction * 0.05,
  done: rows,
  total: null,
});

export const importJob = defineJob<RunRequest, ImportSummary, JobProgress>(({ book, locale, payload, progress }) =>
  runImport(book, payload, { locale, onProgress: (phase, fraction, rows) => progress(importProgress(phase, fraction, rows)) }),
);
