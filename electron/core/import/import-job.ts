/** An import as a worker job: runImport on the worker's connection, its phases passed on as progress. */
import type { ImportSummary } from '../../../shared/contract/import';
import { defineJob } from '../jobs/define';
import { runImport, type RunRequest } from './run';

export interface ImportProgress {
  phase: 'read' | 'write';
  fraction: number;
  rows: number;
}

export const importJob = defineJob<RunRequest, ImportSummary, ImportProgress>(({ book, locale, payload, progress }) =>
  runImport(book, payload, { locale, onProgress: (phase, fraction, rows) => progress({ phase, fraction, rows }) }),
);
