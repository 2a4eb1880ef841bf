/**
 * Following a job (shared/contract/jobs.ts) from the page: start it, get its progress
 * and its outcome from push events by job id. The listener is there before the start
 * request goes out, and events that arrive before the `{ jobId }` reply are kept and
 * replayed, so nothing is missed however fast the job is. Nothing polls. `cancel` stops
 * it: the engine rolls back what the job wrote and the job fails as `job.cancelled`, which
 * its page says (已取消) instead of the toast area.
 */
import type { EngineEvent, JobProgress } from '../../../shared/contract/events';
import type { JobStarted } from '../../../shared/contract/jobs';
import { notifyError } from './notify';
import { api, ApiError, subscribe } from './platform';

export interface RunningJob<R> {
  /** The job's id once the start request answered (for `jobs.cancel`). */
  jobId: Promise<string>;
  result: Promise<R>;
}

/** Asks the engine to stop the job (once it has an id); a job already over is left as it ended. */
export function cancel(job: RunningJob<unknown>): void {
  void job.jobId.then((jobId) => api('jobs.cancel', { jobId })).catch(notifyError);
}

/** The job failed because the user cancelled it. */
export const isCancelled = (e: unknown): boolean => e instanceof ApiError && e.code === 'job.cancelled';

export function runJob<R>(start: () => Promise<JobStarted>, onProgress: (p: JobProgress) => void = () => {}): RunningJob<R> {
  let id: string | null = null;
  const early: EngineEvent[] = [];
  let resolveId!: (id: string) => void;
  const jobId = new Promise<string>((ok) => (resolveId = ok));
  const result = new Promise<R>((resolve, reject) => {
    const handle = (e: EngineEvent) => {
      if (e.type === 'engine.restarted') {
        off();
        // The restart is said once by the toast area (queries.ts); this failure stays silent there.
        return reject(new ApiError('engine.stopped', e.detail));
      }
      if (!('jobId' in e)) return;
      if (id === null) return void early.push(e);
      if (e.jobId !== id) return;
      if (e.type === 'job.progress') onProgress(e.progress);
      else if (e.type === 'job.done') {
        off();
        resolve(e.result as R);
      } else {
        off();
        reject(new ApiError(e.error.code, e.error.message));
      }
    };
    const off = subscribe(handle);
    start().then(
      (started) => {
        id = started.jobId;
        resolveId(id);
        for (const e of early.splice(0)) handle(e);
      },
      (e: unknown) => {
        off();
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
  return { jobId, result };
}
