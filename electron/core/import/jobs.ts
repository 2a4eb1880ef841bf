/**
 * Long imports as jobs: `import.start` returns at once with a job id and the import runs
 * on; `import.status` polls its phase and progress. Reading streams (the event loop stays
 * free between chunks, so the window never freezes); writing is one transaction at the
 * end. Finished jobs are kept a while for the last poll, then forgotten.
 */
import { randomUUID } from 'node:crypto';
import type { ImportJob } from '../../../shared/contract/import';
import { UserError } from '../../../shared/errors';
import { message } from '../../../shared/messages/index';
import type { Session } from '../service/session';
import { runImport, type RunRequest } from './run';

const jobs = new Map<string, ImportJob & { finishedAt?: number }>();
const KEEP_MS = 10 * 60 * 1000;

export function startImportJob(session: Session, req: RunRequest): { jobId: string } {
  const book = session.requireBook();
  const id = randomUUID();
  const job: ImportJob & { finishedAt?: number } = { id, state: 'running', phase: 'read', progress: 0, rows: 0, result: null, error: null };
  jobs.set(id, job);
  for (const [k, j] of jobs) if (j.finishedAt && Date.now() - j.finishedAt > KEEP_MS) jobs.delete(k);
  runImport(book, req, {
    locale: session.locale,
    onProgress: (phase, fraction, rows) => {
      job.phase = phase;
      // Reading is most of the work; writing the last fifth.
      job.progress = phase === 'read' ? fraction * 0.8 : 0.8 + fraction * 0.2;
      job.rows = rows;
    },
  }).then(
    (result) => Object.assign(job, { state: 'done', progress: 1, result, finishedAt: Date.now() }),
    (e: unknown) => {
      const error =
        e instanceof UserError
          ? { code: e.code, message: message(session.locale, e.code, e.params) }
          : { code: 'internal', message: message(session.locale, 'internal', { detail: (e as Error)?.message ?? String(e) }) };
      if (!(e instanceof UserError)) console.error('[import job]', e);
      Object.assign(job, { state: 'failed', error, finishedAt: Date.now() });
    },
  );
  return { jobId: id };
}

export function jobStatus(id: string): ImportJob {
  const job = jobs.get(id);
  if (!job) throw new UserError('import.jobNotFound');
  const { finishedAt: _done, ...rest } = job;
  return rest;
}
