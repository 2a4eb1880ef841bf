/** An import, and the dry run of its new masters, as worker jobs: on the worker's connection, progress passed on. */
import type { ImportSummary, NewMasters } from '../../../shared/contract/import';
import { defineJob } from '../jobs/define';
import type { ImportKind, Mapping } from './columns';
import { proposeNewMasters } from './new-masters';
import { runImport, type RunRequest } from './run';

export interface ImportProgress {
  phase: 'read' | 'write';
  fraction: number;
  rows: number;
}

export const importJob = defineJob<RunRequest, ImportSummary, ImportProgress>(({ book, locale, payload, progress }) =>
  runImport(book, payload, { locale, onProgress: (phase, fraction, rows) => progress({ phase, fraction, rows }) }),
);

export interface MastersRequest {
  kind: ImportKind;
  path: string;
  mapping?: Mapping | undefined;
}

export const newMastersJob = defineJob<MastersRequest, NewMasters, Omit<ImportProgress, 'phase'>>(({ book, payload, progress }) =>
  proposeNewMasters(book, payload, (fraction, rows) => progress({ fraction, rows })),
);
