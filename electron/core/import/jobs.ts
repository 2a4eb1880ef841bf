/**
 * Long imports as jobs: `import.start` returns at once with a job id and the import runs
 * in a worker thread on its own connection (jobs/runner.ts), so the window keeps reading
 * the book, and even the final write transaction never blocks it; `import.status` polls
 * its phase and progress from the job table.
 */
import type { ImportJob, ImportSummary, NewMasters, NewMastersJob } from '../../../shared/contract/import';
import { UserError } from '../../../shared/errors';
import { message } from '../../../shared/messages/index';
import { findJob, startJob } from '../jobs/runner';
import type { Session } from '../service/session';
import type { ImportProgress, MastersRequest } from './import-job';
import type { RunRequest } from './run';

export function startImportJob(session: Session, req: RunRequest): { jobId: string } {
  const { id } = startJob<ImportSummary>(session, 'import', req);
  return { jobId: id };
}

export function jobStatus(session: Session, id: string): ImportJob {
  const job = findJob(id);
  if (job?.job !== 'import') throw new UserError('import.jobNotFound');
  const p = job.progress as ImportProgress | null;
  const phase = p?.phase ?? 'read';
  // Rows are written as they are read, so the read phase is nearly all of it; what is left
  // after the last row (closing the claims, the batch record, COMMIT) is the last twentieth.
  const progress = job.state === 'done' ? 1 : !p ? 0 : phase === 'read' ? p.fraction * 0.95 : 0.95 + p.fraction * 0.05;
  const error = job.error
    ? { code: job.error.code, message: message(session.locale, job.error.code, job.error.params) }
    : null;
  return { id, state: job.state, phase, progress, rows: p?.rows ?? 0, result: (job.result as ImportSummary | null) ?? null, error };
}

/** The preview's dry run of new masters over the whole file, as a job (a 200,000-row file reads for seconds). */
export function startMastersJob(session: Session, req: MastersRequest): { jobId: string } {
  const { id } = startJob<NewMasters>(session, 'import.masters', req);
  return { jobId: id };
}

export function mastersJobStatus(session: Session, id: string): NewMastersJob {
  const job = findJob(id);
  if (job?.job !== 'import.masters') throw new UserError('import.jobNotFound');
  const p = job.progress as Omit<ImportProgress, 'phase'> | null;
  const error = job.error ? { code: job.error.code, message: message(session.locale, job.error.code, job.error.params) } : null;
  return { id, state: job.state, progress: job.state === 'done' ? 1 : (p?.fraction ?? 0), rows: p?.rows ?? 0, result: (job.result as NewMasters | null) ?? null, error };
}
