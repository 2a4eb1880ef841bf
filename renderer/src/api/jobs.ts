/**
 * Jobs (shared/contract/jobs.ts) from the page: `runJob` starts one and follows it by its
 * push events (follow-job.ts). `cancel` stops it: the engine rolls back what the job wrote
 * and the job fails as `job.cancelled`, which its page says (已取消) instead of the toast area.
 */
import type { JobProgress } from '../../../shared/contract/events';
import type { JobStarted } from '../../../shared/contract/jobs';
import { followJob, type RunningJob } from './follow-job';
import { notifyError } from './notify';
import { api, ApiError, subscribe } from './platform';

export type { RunningJob };

/** Asks the engine to stop the job (once it has an id); a job already over is left as it ended. */
export function cancel(job: RunningJob<unknown>): void {
  void job.jobId.then((jobId) => api('jobs.cancel', { jobId })).catch(notifyError);
}

/** The job failed because the user cancelled it. */
export const isCancelled = (e: unknown): boolean => e instanceof ApiError && e.code === 'job.cancelled';

export const runJob = <R>(start: () => Promise<JobStarted>, onProgress?: (p: JobProgress) => void): RunningJob<R> =>
  followJob<R>({ subscribe, outcome: (jobId) => api('jobs.outcome', { jobId }), onError: notifyError }, start, onProgress);
