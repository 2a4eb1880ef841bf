/**
 * The one job protocol: a feature's start channel (`import.start`, `reports.export`,
 * `reports.exportPack`) answers `{ jobId }` at once; progress, the result or the typed error
 * arrive as push events (events.ts) with that id; `jobs.cancel` stops a running job.
 */
import { z } from 'zod';
import { channel } from './define';

export const jobIdSchema = z.string().regex(/^[\w-]{1,64}$/);

export interface JobStarted {
  jobId: string;
}

export const jobsChannels = {
  /** `cancelled` is false when the job had already ended (its done/failed event was sent). */
  'jobs.cancel': channel<{ cancelled: boolean }>()(z.object({ jobId: jobIdSchema })),
};
