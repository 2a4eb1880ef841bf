/**
 * The one job protocol: a feature's start channel (`import.start`, `reports.export`,
 * `reports.exportPack`) answers `{ jobId }` at once; progress, the result or the typed error
 * arrive as push events (events.ts) with that id; `jobs.cancel` stops a running job.
 */
import { z } from 'zod';
import type { ReplyError } from '../errors';
import { channel } from './define';

export const jobIdSchema = z.string().regex(/^[\w-]{1,64}$/);

export interface JobStarted {
  jobId: string;
}

/**
 * Where a job stands, for a page that may have missed its last event: the web harness's
 * event stream drops what is pushed while it reconnects, so on reconnection a page that
 * follows a job asks once (never on a timer). Finished jobs are kept ten minutes.
 */
export type JobOutcome = { state: 'running' } | { state: 'done'; result: unknown } | { state: 'failed'; error: ReplyError };

export const jobsChannels = {
  'jobs.outcome': channel<JobOutcome>()(z.object({ jobId: jobIdSchema })),
  /** `cancelled` is false when the job had already ended (its done/failed event was sent). */
  'jobs.cancel': channel<{ cancelled: boolean }>()(z.object({ jobId: jobIdSchema })),
};
