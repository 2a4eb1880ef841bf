/**
 * Long imports as jobs: `import.start` returns at once with a job id and the import runs
 * in a worker thread on its own connection (jobs/runner.ts), so the window keeps reading
 * the book, and even the final write transaction never blocks it; `import.status` polls
 * its phase and progress from the job table.
 */
import type { ImportJob, ImportSummary } from '../../../shared/contract/import';
import { UserError } from '../../../shared/errors';
import { message } from '../../../shared/messages/index';
import { findJob, startJob } from '../jobs/runner';
import type { Session } from '../service/session';
import type { ImportProgress } from './import-job';
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
  // Reading is most of the work; writing the last fifth.
  const progress = job.state === 'done' ? 1 : !p ? 0 : phase === 'read' ? p.fraction * 0.8 : 0.8 + p.fraction * 0.2;
  const error = job.error
    ? { code: job.error.code, message: message(session.locale, job.error.code, job.error.params) }
    : null;
  return { id, state: job.state, phase, progress, rows: p?.rows ?? 0, result: (job.result as ImportSummary | null) ?? null, error };
}
