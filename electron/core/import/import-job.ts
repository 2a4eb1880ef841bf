/** An import, and the dry run of its new masters, as worker jobs: on the worker's connection, progress passed on. */
import type { JobProgress } from '../../../shared/contract/events';
import type { ImportSummary, NewMasters } from '../../../shared/contract/import';
import { defineJob } from '../jobs/define';
import type { ImportKind, Mapping } from './columns';
import { proposeNewMasters } from './new-masters';
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

export interface MastersRequest {
  kind: ImportKind;
  path: string;
  mapping?: Mapping | undefined;
}

/** The preview's dry run of new masters over the whole file (a 200,000-row file reads for seconds). */
export const newMastersJob = defineJob<MastersRequest, NewMasters, JobProgress>(({ book, payload, progress }) =>
  proposeNewMasters(book, payload, (fraction, rows) => progress({ phase: 'read', fraction, done: rows, total: null })),
);
