/**
 * Following one job by its id (shared/contract/jobs.ts), apart from how the page reaches the
 * engine (jobs.ts wires it to platform.ts). The listener is there before the start request
 * goes out; events that arrive before the `{ jobId }` reply are kept and replayed, so
 * nothing is missed however fast the job is. When the event stream reconnected (events
 * pushed during the gap are lost, event-source.ts) it asks once where the job stands
 * (`jobs.outcome`) and settles if it ended. Nothing polls.
 */
import type { EngineEvent, JobProgress } from '../../../shared/contract/events';
import type { JobOutcome, JobStarted } from '../../../shared/contract/jobs';
import { ApiError } from './api-error';

export interface RunningJob<R> {
  /** The job's id once the start request answered (for `jobs.cancel`). */
  jobId: Promise<string>;
  result: Promise<R>;
}

/** What following a job needs of the engine. */
export interface Engine {
  subscribe(listener: (e: EngineEvent) => void): () => void;
  outcome(jobId: string): Promise<JobOutcome>;
  /** Where a failed `outcome` question is told (the toast area). */
  onError(e: unknown): void;
}

export function followJob<R>(engine: Engine, start: () => Promise<JobStarted>, onProgress: (p: JobProgress) => void = () => {}): RunningJob<R> {
  let id: string | null = null;
  const early: EngineEvent[] = [];
  let resolveId!: (id: string) => void;
  const jobId = new Promise<string>((ok) => (resolveId = ok));
  const result = new Promise<R>((resolve, reject) => {
    let over = false;
    const end = (outcome: JobOutcome) => {
      if (over || outcome.state === 'running') return;
      over = true;
      off();
      if (outcome.state === 'done') resolve(outcome.result as R);
      else reject(new ApiError(outcome.error.code, outcome.error.message));
    };
    const handle = (e: EngineEvent) => {
      if (over) return;
      if (e.type === 'engine.restarted') {
        over = true;
        off();
        // The restart is said once by the toast area (queries.ts); this failure stays silent there.
        return reject(new ApiError('engine.stopped', e.detail));
      }
      // The event stream reconnected: this job's end may have been pushed during the gap.
      if (e.type === 'book.changed' && e.tables.includes('*')) {
        if (id !== null) engine.outcome(id).then(end, engine.onError);
        return;
      }
      if (!('jobId' in e)) return;
      if (id === null) return void early.push(e);
      if (e.jobId !== id) return;
      if (e.type === 'job.progress') onProgress(e.progress);
      else if (e.type === 'job.done') end({ state: 'done', result: e.result });
      else end({ state: 'failed', error: e.error });
    };
    const off = engine.subscribe(handle);
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
