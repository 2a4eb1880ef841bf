/**
 * The one job protocol's core side: a feature's start channel calls `announceJob`, which
 * starts the job (runner.ts), answers `{ jobId }` at once and pushes the job's progress,
 * then `book.changed` for what it wrote, then exactly one `job.done` or `job.failed`
 * (shared/contract/events.ts) through the session. `jobs.cancel` stops one.
 */
import type { JobKind, JobProgress } from '../../../shared/contract/events';
import type { JobOutcome, JobStarted } from '../../../shared/contract/jobs';
import { UserError, type ReplyError } from '../../../shared/errors';
import { message } from '../../../shared/messages/index';
import { changedSince, changeMark } from '../book/changes';
import { defineHandlers } from '../service/handlers';
import type { Session } from '../service/session';
import { cancelJob, getJob, startJob } from './runner';

function replyError(session: Session, e: unknown): ReplyError {
  const typed = e instanceof UserError ? e : new UserError('internal', { detail: e instanceof Error ? e.message : String(e) });
  return { code: typed.code, message: message(session.locale, typed.code, typed.params), params: typed.params };
}

export function announceJob(session: Session, job: JobKind, payload: unknown): JobStarted {
  const book = session.requireBook();
  const mark = changeMark(book);
  let jobId = '';
  const started = startJob(session, job, payload, {
    onProgress: (data) => session.emit({ type: 'job.progress', jobId, job, progress: data as JobProgress }),
  });
  jobId = started.id;
  // The job wrote on its own connection; this one reads what it committed.
  const tellChanges = () => {
    if (session.book !== book || !book.sqlite.open) return;
    const tables = changedSince(book, mark);
    if (tables.length > 0) session.emit({ type: 'book.changed', tables });
  };
  started.done.then(
    (result) => {
      tellChanges();
      session.emit({ type: 'job.done', jobId, job, result });
    },
    (e: unknown) => {
      tellChanges();
      session.emit({ type: 'job.failed', jobId, job, error: replyError(session, e) });
    },
  );
  return { jobId };
}

function outcome(session: Session, jobId: string): JobOutcome {
  const j = getJob(jobId);
  if (j.state === 'running') return { state: 'running' };
  return j.state === 'done' ? { state: 'done', result: j.result } : { state: 'failed', error: replyError(session, j.error) };
}

export const jobsHandlers = defineHandlers({
  'jobs.outcome': (req, session) => outcome(session, req.jobId),
  'jobs.cancel': (req) => ({ cancelled: cancelJob(req.jobId) }),
});
